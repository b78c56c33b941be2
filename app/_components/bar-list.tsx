/**
 * A bar chart that is also a list: every bar has its label and its number printed beside it, so it reads
 * without colour, on a projector and to a screen reader.
 */
export function BarList({
  items,
  label,
  format = (value) => `${(value * 100).toFixed(1)}%`,
  max,
}: {
  items: ReadonlyArray<{ key: string; label: string; value: number; highlight?: boolean }>;
  label: string;
  format?: (value: number) => string;
  max?: number;
}) {
  const top = max ?? Math.max(...items.map((item) => item.value), 0);
  return (
    <ul className="bars" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <span>{item.highlight ? <strong>{item.label}</strong> : item.label}</span>
          <span className="bar" aria-hidden="true">
            <span style={{ width: `${top > 0 ? (Math.max(0, item.value) / top) * 100 : 0}%` }} />
          </span>
          <span className="value">{format(item.value)}</span>
        </li>
      ))}
    </ul>
  );
}
