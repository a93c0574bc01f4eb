import { type DemoUser } from "./defaults";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/*
 * Self-contained (no assets, no scripts) and styled like the console: neutral zinc surfaces, the indigo
 * brand colour, the "Eunha" wordmark, light and dark by the OS setting.
 */
const STYLE = `
:root{color-scheme:light dark;--bg:#fafafa;--card:#fff;--text:#18181b;--muted:#71717a;--border:#e4e4e7;--brand:oklch(.51 .21 275);--brand-h:oklch(.45 .2 275);--warn-bg:#fffbeb;--warn-border:#fcd34d;--warn-text:#78350f;--err-bg:#fef2f2;--err-text:#991b1b}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--card:#18181b;--text:#f4f4f5;--muted:#a1a1aa;--border:#27272a;--warn-bg:#292006;--warn-border:#854d0e;--warn-text:#fde68a;--err-bg:#2a0f0f;--err-text:#fca5a5}}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--text);font:14px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI","Apple SD Gothic Neo","Noto Sans KR",Roboto,sans-serif}
main{width:100%;max-width:400px;padding:24px}
.brand{display:flex;align-items:center;gap:8px;font-size:20px;font-weight:600;letter-spacing:-.01em;margin-bottom:16px}
.dot{width:12px;height:12px;border-radius:999px;background:linear-gradient(135deg,oklch(.58 .2 275),#e879f9)}
.card{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:20px;box-shadow:0 1px 2px rgb(0 0 0/.05)}
h1{font-size:16px;margin:0 0 4px}p{margin:0 0 12px;color:var(--muted)}
.notice{background:var(--warn-bg);border:1px solid var(--warn-border);color:var(--warn-text);border-radius:6px;padding:8px 10px;margin-bottom:16px;font-size:13px}
.error{background:var(--err-bg);color:var(--err-text);border-radius:6px;padding:8px 10px;margin-bottom:12px}
label{display:block;font-weight:500;margin:10px 0 4px}
input{width:100%;height:36px;padding:0 10px;border:1px solid var(--border);border-radius:6px;background:var(--card);color:var(--text);font:inherit}
input:focus-visible,button:focus-visible{outline:2px solid var(--brand);outline-offset:2px}
button{cursor:pointer;font:inherit;font-weight:500;border-radius:6px}
.primary{width:100%;height:36px;margin-top:16px;border:0;background:var(--brand);color:#fff}.primary:hover{background:var(--brand-h)}
h2{font-size:13px;margin:20px 0 8px;color:var(--muted);font-weight:500}
ul{list-style:none;margin:0;padding:0;display:grid;gap:6px}
.user{width:100%;display:flex;justify-content:space-between;gap:8px;padding:8px 10px;border:1px solid var(--border);background:transparent;color:var(--text);text-align:left}
.user:hover{border-color:var(--brand)}.role{color:var(--muted);font-size:12px}
`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Eunha</title><style>${STYLE}</style></head>
<body><main><div class="brand"><span class="dot" aria-hidden="true"></span>Eunha</div>${body}</main></body></html>`;
}

const NOTICE = `<div class="notice" role="note"><strong>Embedded development IdP.</strong> For local development and demos only: the users and password below are public.</div>`;

export function loginPage(input: {
  uid: string;
  users: readonly DemoUser[];
  error?: string;
  username?: string;
}): string {
  const action = `/interaction/${encodeURIComponent(input.uid)}/login`;
  const users = input.users
    .map(
      (u) =>
        `<li><form method="post" action="${action}"><input type="hidden" name="username" value="${escapeHtml(u.username)}">` +
        `<input type="hidden" name="password" value="${escapeHtml(u.password)}">` +
        `<button class="user" type="submit" aria-label="Sign in as ${escapeHtml(u.username)}"><span>${escapeHtml(u.name)} <span class="role">· ${escapeHtml(u.username)}</span></span>` +
        `<span class="role">${escapeHtml(u.role)}</span></button></form></li>`,
    )
    .join("");
  const error = input.error ? `<div class="error" role="alert">${escapeHtml(input.error)}</div>` : "";
  return layout(
    "Sign in",
    `${NOTICE}<div class="card"><h1>Sign in to Eunha Console</h1><p>Use a demo account: password <code>demo</code>.</p>${error}
<form method="post" action="${action}" autocomplete="off">
<label for="username">Username</label><input id="username" name="username" required autofocus value="${escapeHtml(input.username ?? "")}">
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button class="primary" type="submit">Sign in</button></form>
<h2>Demo users (one click)</h2><ul>${users}</ul></div>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `${NOTICE}<div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></div>`);
}

/** RP-initiated logout confirmation; `form` is oidc-provider's hidden form (it carries the xsrf token). */
export function logoutPage(form: string): string {
  return layout(
    "Sign out",
    `${NOTICE}<div class="card"><h1>Sign out of the development IdP?</h1><p>You will need to sign in again to use the console.</p>${form}
<button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button></div>`,
  );
}
