/** The workspace's one HTML page; everything else is drawn by host.js. */
export function workspacePage(base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Receivables Desk — local HubSpot workspace</title>
<link rel="stylesheet" href="${base}/assets/workspace.css">
</head>
<body>
<div id="root"><p class="ws-boot">Loading the workspace…</p></div>
<script>window.__WORKSPACE_BASE__ = ${JSON.stringify(base)};</script>
<script src="${base}/assets/host.js"></script>
</body>
</html>`;
}
