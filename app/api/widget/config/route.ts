import { refuseOtherMethods } from "@/lib/api/api-route";
import { widgetConfigResponse } from "@/lib/widget/config-response";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => widgetConfigResponse(request);

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods("GET");
