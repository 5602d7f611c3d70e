/**
 * Where the team page lives in the build (vite.config.ts input, manifest web_accessible_resources):
 * the popup opens it in a tab, the panel's Team tab frames it with `?embed=panel`.
 */
export const TEAM_PAGE = 'src/team/index.html';
export const TEAM_EMBED_QUERY = '?embed=panel';
