import { widgetConfigResponse } from "@/lib/widget/config-response";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => widgetConfigResponse(request);
