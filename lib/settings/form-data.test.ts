import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("formDataToObject", () => {
  it("nests dotted names and keeps x[] fields as arrays", () => {
    expect(formDataToObject(form([["days.mon.open", "09:00"], ["events[]", "a"], ["events[]", "b"], ["name", "Acme"]]))).toEqual({
      days: { mon: { open: "09:00" } },
      events: ["a", "b"],
      name: "Acme",
    });
  });

  it("cannot be made to write into Object.prototype", () => {
    const result = formDataToObject(
      form([["__proto__.anonymous", "1"], ["constructor.prototype.role", "owner"], ["a.__proto__.x", "1"], ["ok", "yes"]]),
    );
    expect(result).toEqual({ ok: "yes" });
    expect(({} as Record<string, unknown>).anonymous).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
