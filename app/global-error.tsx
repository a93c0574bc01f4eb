"use client";

/** Last resort when the root layout itself fails: no providers, so plain bilingual text. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", textAlign: "center" }}>
        <h1>Eunha Console could not load · 콘솔을 불러오지 못했습니다</h1>
        <p>Something went wrong on our side. Please try again. · 잠시 후 다시 시도해 주세요.</p>
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.5rem 1rem" }}>
          Retry · 다시 시도
        </button>
      </body>
    </html>
  );
}
