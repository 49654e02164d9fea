import { apiRoute } from "@/lib/api/api-route";
import { buildOpenApiDocument } from "@/lib/openapi/document";

// Public: the description of the API, no key needed.
function handleGet() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: handleGet });
