// The server's HTTP API as the browser tests use it besides the page: an admin's call, and a
// channel's own endpoints (its inbound secret set by the admin first).
import assert from 'node:assert/strict';

// method + route with a bearer token; the answer's JSON, or throws with the status and body.
export async function api(server, method, route, token, body) {
  const res = await fetch(`${server.url}${route}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return JSON.parse(text);
}

// The admin gives the demo's channel `channelId` an inbound secret, so a test can post to its
// endpoints as the channel's gateway would.
export async function giveChannelInboundSecret(server, channelId, secret) {
  const { token } = await api(server, 'POST', '/api/login', null, { login: 'admin', password: server.accounts.admin });
  const { channels } = await api(server, 'GET', '/api/channels', token);
  const channel = channels.find((c) => c.id === channelId);
  assert.ok(channel, `the demo has a ${channelId} channel: ${JSON.stringify(channels)}`);
  channel.inboundSecret = secret;
  await api(server, 'PUT', '/api/channels', token, { channels });
}

// POST /api/inbound/<channel><suffix> with the channel's secret; the raw response.
export function postAsChannel(server, channelId, suffix, secret, body) {
  return fetch(`${server.url}/api/inbound/${channelId}${suffix}`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'X-Channel-Secret': secret },
    body: JSON.stringify(body),
  });
}
