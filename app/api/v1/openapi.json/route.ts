import { buildOpenApiDocument } from "@/lib/openapi/document";

// Public: the description of the API, no key needed.
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
