// On a phone the sidebar covers the page: close it once the reader has picked an article.
(function () {
  if (window.innerWidth >= 768) { return; }
  var button = document.querySelector(
    '[data-testid="stSidebarCollapseButton"] button[aria-expanded="true"]');
  if (button) { button.click(); }
})();
