/** How the launcher and the messenger's first screen look with the settings as typed (not yet saved). */
export function WidgetPreview({ color, position, greeting, launcher_label }: { color: string; position: string; greeting: string; launcher_label: string }) {
  return (
    <figure aria-label="Live preview" className="relative h-96 overflow-hidden rounded-lg border border-dashed border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-950">
      <figcaption className="p-2 text-xs text-slate-500">Live preview</figcaption>
      <div className={`absolute bottom-16 w-56 overflow-hidden rounded-xl bg-white shadow-lg dark:bg-slate-900 ${position === "left" ? "left-3" : "right-3"}`}>
        <div className="px-3 py-2 text-sm font-semibold text-white" style={{ background: color }}>Messages</div>
        <div className="space-y-2 p-3 text-sm">
          <p className="font-semibold">{greeting}</p>
          <div className="rounded-md px-2 py-1.5 text-center text-xs font-semibold text-white" style={{ background: color }}>New conversation</div>
        </div>
      </div>
      <div className={`absolute bottom-3 rounded-full px-4 py-2 text-sm font-semibold text-white shadow ${position === "left" ? "left-3" : "right-3"}`} style={{ background: color }}>
        {launcher_label}
      </div>
    </figure>
  );
}
