import 'server-only';
import { geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';

/**
 * Kazakhstan's outline from Natural Earth (the world-atlas package), projected on the server with
 * d3-geo: the map is plain SVG shipped with the page, so it works offline and no tile server
 * learns who looks at which city.
 */
export const MAP_WIDTH = 720;
export const MAP_HEIGHT = 400;

const KAZAKHSTAN = '398';

function outline() {
  const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topology, topology.objects.countries);
  const kazakhstan = all.features.find((f) => f.id === KAZAKHSTAN) as Feature<Geometry>;
  const projection = geoConicConformal()
    .parallels([44, 52])
    .rotate([-67, 0])
    .fitExtent([[12, 12], [MAP_WIDTH - 12, MAP_HEIGHT - 12]], kazakhstan);
  return { path: geoPath(projection)(kazakhstan) ?? '', project: (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0] };
}

let cached: ReturnType<typeof outline> | undefined;

/** The outline as an SVG path and a function placing a city (longitude, latitude) on it. */
export function kazakhstanMap() {
  cached ??= outline();
  return cached;
}
