import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refetchAfterChange } from "./refetch-after-change";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A thread whose first load reads the database, then a message commits before that load answers. */
async function openThreadWhileAMessageArrives(refresh: (client: QueryClient) => Promise<unknown>) {
  const client = new QueryClient();
  let stored = ["Where is my parcel?"];
  const answers: (() => void)[] = [];
  const observer = new QueryObserver(client, {
    queryKey: ["inbox", "thread", 7],
    queryFn: () => {
      const read = [...stored];
      return new Promise<string[]>((resolve) => answers.push(() => resolve(read)));
    },
    staleTime: 5_000,
  });
  const unsubscribe = observer.subscribe(() => {});
  await tick();
  stored = [...stored, "It has arrived, thanks"];
  const refreshed = refresh(client);
  await tick();
  while (answers.length) answers.shift()!();
  await refreshed;
  await tick();
  unsubscribe();
  return client.getQueryData<string[]>(["inbox", "thread", 7]);
}

describe("refetching after a live change", () => {
  it("shows a message that committed while the thread's first load was in flight", async () => {
    expect(await openThreadWhileAMessageArrives((client) => refetchAfterChange(client, ["inbox", "thread"]))).toEqual(["Where is my parcel?", "It has arrived, thanks"]);
  });

  it("which a plain invalidation loses (it joins the load already running)", async () => {
    expect(await openThreadWhileAMessageArrives((client) => client.invalidateQueries({ queryKey: ["inbox", "thread"] }))).toEqual(["Where is my parcel?"]);
  });
});
