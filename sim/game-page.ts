// The game page: one self-contained HTML document (inline CSS/JS, no external assets) that
// works in an iframe and full-screen on a phone. It talks only to the simulator's /play/spin.
import { htmlLang, textsFor } from "./i18n.js";
import { FREE_SPIN_MULTIPLIER, FREE_SPINS, LINE_PAYS, LINES, SCATTER_PAYS, SYMBOLS } from "./slot.js";

export interface PageInput {
  sessionId: string;
  title: string;
  language: string;
  currency: string;
  balance: string;
  bets: string[];
  demo: boolean;
  nick: string | null;
  /** Fraction digits shown for money (display only; amounts stay exact strings). */
  digits: number;
}

/** Pads the fraction to the currency's digits without float arithmetic (1009.5 -> 1009.50). */
export function fmt(amount: string, digits: number): string {
  const [int = "0", frac = ""] = amount.split(".");
  const shown = Math.min(digits, 2);
  return frac.length >= shown ? amount : `${int}.${frac.padEnd(shown, "0")}`;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** JSON safe inside <script>. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, "");

export function renderGamePage(input: PageInput): string {
  const t = textsFor(input.language);
  const defaultBet = input.bets.includes("1") ? "1" : (input.bets[0] ?? "1");
  const paytable = SYMBOLS.map((name, i) => ({ name, pays: LINE_PAYS[i] ?? [0, 0, 0] })).filter((p) => p.pays[2] > 0);
  const boot = {
    session: input.sessionId,
    currency: input.currency,
    balance: input.balance,
    digits: input.digits,
    t,
    lines: LINES,
    symbols: SYMBOLS,
  };
  const betOptions = input.bets.map((b) => `<option value="${esc(b)}"${b === defaultBet ? " selected" : ""}>${esc(b)}</option>`).join("");
  const payRows = paytable
    .map(
      (p) =>
        `<tr><td><span class="sym s-${esc(p.name)}">${esc(p.name)}</span></td><td>${p.pays[0]}</td><td>${p.pays[1]}</td><td>${p.pays[2]}</td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${htmlLang(input.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0d0f1a">
<title>${esc(input.title)}</title>
<style>
*{box-sizing:border-box}
html,body{margin:0;height:100%;background:#0d0f1a;color:#eef0ff;font:16px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;-webkit-tap-highlight-color:transparent}
body{display:flex;flex-direction:column;align-items:center;min-height:100%;padding:max(10px,env(safe-area-inset-top)) 10px max(10px,env(safe-area-inset-bottom));background:radial-gradient(circle at 50% 0%,#2a1f5c 0%,#0d0f1a 60%)}
.game{margin:auto 0;width:min(100%,720px,max(280px,calc((100vh - 350px) * 1.6)));display:flex;flex-direction:column;gap:12px}
header{display:flex;justify-content:space-between;align-items:center;gap:8px}
h1{font-size:clamp(16px,4vw,22px);margin:0;letter-spacing:.5px}
.tag{font-size:12px;padding:3px 8px;border-radius:999px;background:#ffb02033;color:#ffcf6b}
.reels{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:6px;padding:10px;border-radius:18px;background:linear-gradient(180deg,#1b1f3a,#12152a);box-shadow:inset 0 0 0 2px #3b3f7a,0 10px 40px #0008}
.cell{aspect-ratio:1/1;min-width:0;overflow:hidden;display:flex;align-items:center;justify-content:center;border-radius:12px;background:linear-gradient(180deg,#262b52,#1a1e3d);font-weight:800;font-size:clamp(14px,5vw,30px);transition:transform .15s,box-shadow .15s,opacity .15s;user-select:none}
.cell.dim{opacity:.35}
.cell.hit{box-shadow:0 0 0 3px #ffd34d,0 0 18px #ffd34d99;transform:scale(1.04);opacity:1}
.spinning .cell{animation:blur .12s linear infinite}
@keyframes blur{0%{transform:translateY(-4px)}50%{transform:translateY(4px)}100%{transform:translateY(-4px)}}
.sym{display:inline-block}
.s-10{color:#7fd1ff}.s-J{color:#8dff9e}.s-Q{color:#ff9ee7}.s-K{color:#ffb86b}.s-A{color:#ff6b6b}
.s-BAR{color:#f5f5f5;background:#333a;padding:0 .2em;font-size:.8em;border-radius:6px;border:2px solid #ccc}
.s-7{color:#ff3b3b;text-shadow:0 0 8px #ff3b3b88;font-size:1.2em}
.s-WILD{color:#1b1b1b;background:linear-gradient(135deg,#ffe27a,#ffad33);padding:.1em .3em;border-radius:8px;font-size:.62em}
.s-SCATTER{color:#fff;background:radial-gradient(circle,#c77dff,#5a2dff);width:1.5em;height:1.5em;display:inline-flex;align-items:center;justify-content:center;border-radius:50%;font-size:.8em;box-shadow:0 0 10px #b84dff88}
.banner{min-height:28px;text-align:center;font-weight:700;color:#ffd34d}
.panel{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8px}
.box{background:#171a33;border-radius:14px;padding:8px 12px;display:flex;flex-direction:column;justify-content:center;min-height:56px}
.box small{color:#9aa0d0;font-size:12px;text-transform:uppercase;letter-spacing:.6px}
.box b{font-size:clamp(15px,4vw,20px);font-variant-numeric:tabular-nums}
select{appearance:none;background:#22264a;color:#fff;border:0;border-radius:10px;font-size:18px;padding:8px 10px;min-height:44px;width:100%}
.actions{display:grid;grid-template-columns:1fr 3fr;gap:8px}
button{border:0;border-radius:16px;min-height:56px;font-size:18px;font-weight:800;color:#fff;cursor:pointer;touch-action:manipulation}
#spin{background:linear-gradient(180deg,#27d07a,#0f9d58);box-shadow:0 6px 0 #0a6e3d;font-size:22px;letter-spacing:1px}
#spin:active{transform:translateY(3px);box-shadow:0 3px 0 #0a6e3d}
#spin:disabled{filter:grayscale(.6) brightness(.8)}
#paybtn{background:#2b2f5c}
.error{display:none;background:#5c1a2a;border:1px solid #ff5c7a;color:#ffd6de;border-radius:12px;padding:10px 12px}
.error.show{display:block}
dialog{background:#171a33;color:#eef0ff;border:0;border-radius:18px;max-width:min(94vw,520px);padding:16px}
dialog::backdrop{background:#000a}
table{width:100%;border-collapse:collapse}td,th{padding:6px;text-align:center;border-bottom:1px solid #2b2f5c}
</style>
</head>
<body>
<main class="game">
  <header><h1>${esc(input.title)}</h1>${input.demo ? `<span class="tag">${esc(t.demo)}</span>` : input.nick ? `<span class="tag">${esc(input.nick)}</span>` : ""}</header>
  <div class="reels" id="reels" aria-live="polite"></div>
  <div class="banner" id="banner">${esc(t.goodLuck)}</div>
  <div class="error" id="error" data-testid="error" role="alert"></div>
  <div class="panel">
    <div class="box"><small>${esc(t.balance)}</small><b><span id="balance" data-testid="balance">${esc(fmt(input.balance, input.digits))}</span> <span>${esc(input.currency)}</span></b></div>
    <label class="box"><small>${esc(t.bet)}</small><select id="bet" data-testid="bet">${betOptions}</select></label>
    <div class="box"><small>${esc(t.lastWin)}</small><b id="last-win" data-testid="last-win">${esc(fmt("0", input.digits))}</b></div>
  </div>
  <div class="actions">
    <button id="paybtn" type="button">${esc(t.paytable)}</button>
    <button id="spin" data-testid="spin" type="button">${esc(t.spin)}</button>
  </div>
</main>
<dialog id="paytable">
  <h2>${esc(t.paytable)}</h2>
  <p>${esc(t.lines)}</p>
  <table><tr><th></th><th>3</th><th>4</th><th>5</th></tr>${payRows}</table>
  <p>${esc(t.wildRule)}</p>
  <p>${esc(t.scatterRule)} (3: x${SCATTER_PAYS[0]}, 4: x${SCATTER_PAYS[1]}, 5: x${SCATTER_PAYS[2]}; ${FREE_SPINS} x ${FREE_SPIN_MULTIPLIER})</p>
  <form method="dialog"><button style="width:100%;background:#2b2f5c">${esc(t.close)}</button></form>
</dialog>
<script>
(function(){
"use strict";
var B=${scriptJson(boot)};
var t=B.t, reelsEl=document.getElementById("reels"), spinBtn=document.getElementById("spin"),
  betEl=document.getElementById("bet"), balEl=document.getElementById("balance"), winEl=document.getElementById("last-win"),
  errEl=document.getElementById("error"), banner=document.getElementById("banner"), cells=[];
for (var row=0;row<3;row++) for (var reel=0;reel<5;reel++){var c=document.createElement("div");c.className="cell";c.dataset.reel=reel;c.dataset.row=row;reelsEl.appendChild(c);cells.push(c);}
function cell(reel,row){return cells[row*5+reel];}
function label(s){return s==="SCATTER"?"★":s;}
function show(reels){for(var r=0;r<5;r++)for(var w=0;w<3;w++){var c=cell(r,w),s=reels[r][w];c.innerHTML='<span class="sym s-'+s+'">'+label(s)+'</span>';c.classList.remove("hit","dim");}}
function random(){var out=[];for(var r=0;r<5;r++){var col=[];for(var w=0;w<3;w++)col.push(B.symbols[Math.floor(Math.random()*B.symbols.length)]);out.push(col);}return out;}
function highlight(view){
  if(!view.wins.length)return;
  cells.forEach(function(c){c.classList.add("dim");});
  view.wins.forEach(function(w){
    if(w.kind==="line"){var rows=B.lines[w.line];for(var r=0;r<w.count;r++){var c=cell(r,rows[r]);c.classList.add("hit");c.classList.remove("dim");}}
    else{for(var r=0;r<5;r++)for(var k=0;k<3;k++)if(view.reels[r][k]==="SCATTER"){var c2=cell(r,k);c2.classList.add("hit");c2.classList.remove("dim");}}
  });
}
function errorText(e){var k="err"+e.code;return t[k]||e.message||t.err1;}
function setError(msg){errEl.textContent=msg||"";errEl.classList.toggle("show",!!msg);}
function fmt(a){a=String(a);var d=Math.min(B.digits,2),p=a.split(".");var f=p[1]||"";return f.length>=d?a:p[0]+"."+(f+"00000000").slice(0,d);}
function wait(ms){return new Promise(function(r){setTimeout(r,ms);});}
var busy=false;
async function doSpin(){
  if(busy)return; busy=true; spinBtn.disabled=true; setError(""); banner.textContent=t.busy;
  reelsEl.classList.add("spinning");
  var timer=setInterval(function(){show(random());},90);
  var res=null;
  try{
    var r=await fetch("/play/spin",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify({session:B.session,bet:betEl.value})});
    res=await r.json();
  }catch(e){res=null;}
  await wait(450); clearInterval(timer); reelsEl.classList.remove("spinning");
  if(!res){setError(t.errNet);banner.textContent="";done();return;}
  if(res.reels&&res.reels.length){
    show(res.reels); highlight(res);
    var baseWin=res.wins.reduce(function(a,w){return a+" "+(w.kind==="line"?"#"+(w.line+1):"★")+" "+w.amount;},"");
    banner.textContent=baseWin?t.win+":"+baseWin:t.goodLuck;
    if(res.freeSpins&&res.freeSpins.length){
      await wait(900); banner.textContent=t.bonus;
      for(var i=0;i<res.freeSpins.length;i++){
        var fs=res.freeSpins[i]; await wait(650); show(fs.reels); highlight(fs);
        banner.textContent=t.freeSpin+" "+(i+1)+"/"+res.freeSpins.length+(fs.win!=="0"?" — "+t.win+" "+fs.win:"");
      }
    }
    winEl.textContent=fmt(res.totalWin);
    if(res.ok&&res.totalWin!=="0")banner.textContent=t.win+": "+fmt(res.totalWin)+" "+B.currency;
  }
  if(res.balance!==undefined)balEl.textContent=fmt(res.balance);
  if(!res.ok&&res.error){setError(errorText(res.error)); if(!res.reels||!res.reels.length)banner.textContent="";}
  done();
}
function done(){busy=false;spinBtn.disabled=false;}
spinBtn.addEventListener("click",doSpin);
document.addEventListener("keydown",function(e){if(e.code==="Space"&&e.target===document.body){e.preventDefault();doSpin();}});
document.getElementById("paybtn").addEventListener("click",function(){var d=document.getElementById("paytable");if(d.showModal)d.showModal();});
show(random()); cells.forEach(function(c){c.classList.remove("dim");});
})();
</script>
</body>
</html>`;
}
