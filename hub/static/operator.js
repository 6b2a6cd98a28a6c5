// Operator console: the board arrives as server-sent events (GET /v1/operator/events, read with
// fetch so the token stays in the Authorization header); a new alarm sounds and flashes until an
// operator acknowledges it, sounds more urgently once overdue, and shows when it was escalated.
// No framework, no build. Every value from the hub is inserted with textContent (never innerHTML).
"use strict";

const TEXT = {
  zh: {
    title: "一键通 紧急呼叫", connecting: "连接中…", enable_sound: "点击开启警报声音",
    token: "操作员令牌", sign_in: "登录", alarms: "警报", no_alarms: "目前没有警报。",
    silent: "失联终端", no_silent: "所有终端在线。", operator: "操作员：",
    live: "实时连接 · 服务器时间 ", down: "连接中断，正在重连：", refused: "令牌无效",
    cannot_sign_in: "无法登录：", action_failed: "操作失败：",
    received: "新警报 · 未确认", acknowledged: "已确认，处理中", resolved: "已解决",
    cancelled: "老人已取消", drill: "演练 · 勿派遣", waiting: "已等待 {0}",
    waited_ack: "{0}后确认", seconds: "{0} 秒", minutes: "{0} 分钟", overdue: "超时未确认",
    escalated: "已升级至值班主管", senior: "老人", not_identified: "未识别",
    age: "年龄", age_value: "{0} 岁", phone: "回拨电话", contact: "紧急联系人",
    note: "备注", not_recorded: "未登记", kiosk: "终端", raised: "报警时间",
    operator_name: "操作员", cancel_note: "取消原因", ack: "确认接警", resolve: "已解决",
    confirm_resolve: "确定此警报已处理完毕？", confirm_yes: "确定已解决", confirm_no: "返回",
    banner_new: "{0} 个新警报等待确认", banner_overdue: "{0} 个警报超时未确认！",
    last_seen: "最后联系：", never: "从未",
  },
  en: {
    title: "Yijiantong emergency alarms", connecting: "Connecting…",
    enable_sound: "Click to turn the alarm sound on", token: "Operator token", sign_in: "Sign in",
    alarms: "Alarms", no_alarms: "No open alarms.", silent: "Silent kiosks",
    no_silent: "Every kiosk is reporting.", operator: "Operator: ",
    live: "Live · server time ", down: "Connection lost, reconnecting: ",
    refused: "The token was refused", cannot_sign_in: "Cannot sign in: ",
    action_failed: "Action failed: ", received: "New · not acknowledged",
    acknowledged: "Acknowledged, in hand", resolved: "Resolved",
    cancelled: "Cancelled by the senior", drill: "DRILL · do not dispatch",
    waiting: "Waiting {0}", waited_ack: "acknowledged after {0}", seconds: "{0} s",
    minutes: "{0} min", overdue: "Overdue", escalated: "Escalated to the duty supervisor",
    senior: "Senior", not_identified: "not identified", age: "Age", age_value: "{0}",
    phone: "Call back", contact: "Emergency contact", note: "Note", not_recorded: "not recorded",
    kiosk: "Kiosk", raised: "Raised", operator_name: "Operator", cancel_note: "Cancel note",
    ack: "Acknowledge", resolve: "Resolve", confirm_resolve: "Is this alarm fully dealt with?",
    confirm_yes: "Yes, resolved", confirm_no: "Back",
    banner_new: "{0} new alarm(s) waiting", banner_overdue: "{0} alarm(s) OVERDUE!",
    last_seen: "last seen: ", never: "never",
  },
};
const OPEN = ["received", "acknowledged"];
const BEEP_EVERY_MS = 2000;
let lang = localStorage.getItem("operatorLanguage") === "en" ? "en" : "zh";
let token = null;
let operatorName = "";
let stream = null;  // AbortController of the running event stream
let board = null;
let clockOffset = 0;  // server time minus this browser's time, in ms
let lastShown = null;
const confirming = new Set();
// The alert state, readable by tests and by anyone looking at the console.
const alertState = window.yjtAlert = { alerting: false, urgent: false, beeps: 0, realerts: 0 };
let audio = null;
let lastBeep = 0;
let lastRealert = 0;

function $(id) { return document.getElementById(id); }

function t(key, ...args) {
  const text = TEXT[lang][key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, n) => String(args[Number(n)]));
}

function applyLanguage() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  $("language").textContent = lang === "en" ? "中文" : "English";
  $("language").lang = lang === "en" ? "zh-CN" : "en";
  lastShown = null;
  if (board) render(board);
}

function takeToken() {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem("operatorToken", decodeURIComponent(match[1]));
    history.replaceState(null, "", window.location.pathname);  // keep it out of the address bar
  }
  return sessionStorage.getItem("operatorToken");
}

async function call(method, path) {
  const response = await fetch(path, {
    method,
    headers: { Authorization: "Bearer " + token, Accept: "application/json" },
    cache: "no-store",
  });
  if (response.status === 401) {
    signOut(t("refused"));
    throw new Error("unauthorized");
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || ("HTTP " + response.status));
  return body;
}

// -- the event stream ---------------------------------------------------------------------

async function listen() {
  let backoff = 500;
  while (token) {
    const control = new AbortController();
    stream = control;
    try {
      const response = await fetch("/v1/operator/events", {
        headers: { Authorization: "Bearer " + token, Accept: "text/event-stream" },
        cache: "no-store",
        signal: control.signal,
      });
      if (response.status === 401) { signOut(t("refused")); return; }
      if (!response.ok || !response.body) throw new Error("HTTP " + response.status);
      backoff = 500;
      await readEvents(response.body.getReader());
      throw new Error("stream ended");
    } catch (error) {
      if (control.signal.aborted || !token) return;
      showDown(error.message);
      await new Promise(resolve => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, 5000);
    }
  }
}

async function readEvents(reader) {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trim());
      }
      if (event === "board" && data.length) received(JSON.parse(data.join("\n")));
    }
  }
}

function received(next) {
  board = next;
  clockOffset = Date.parse(next.server_time) - Date.now();
  $("connection").textContent = t("live") + time(next.server_time);
  $("connection").className = "";
  render(next);
}

function showDown(message) {
  $("connection").textContent = t("down") + message;
  $("connection").className = "down";
}

// -- rendering ------------------------------------------------------------------------------

function time(text) {
  const d = new Date(text);
  return isNaN(d) ? text : d.toLocaleTimeString(lang === "en" ? "en-GB" : "zh-CN", { hour12: false });
}

function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return s < 60 ? t("seconds", s) : t("minutes", Math.floor(s / 60));
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function fact(list, label, value, name) {
  const dd = el("dd", null, value);
  if (name) dd.dataset.fact = name;
  list.append(el("dt", null, label), dd);
}

function button(className, label, onClick) {
  const node = el("button", className, label);
  node.type = "button";
  node.addEventListener("click", () => onClick(node));
  return node;
}

function place(alarm) {
  const where = alarm.location || alarm.kiosk_location;
  return where ? alarm.kiosk_name + " · " + where : alarm.kiosk_name;
}

function alarmItem(alarm) {
  const item = el("li", "alarm state-" + alarm.state + (alarm.drill ? " drill" : ""));
  item.id = "alarm-" + alarm.alarm_id;
  item.dataset.alarmId = alarm.alarm_id;
  item.dataset.state = alarm.state;
  const title = el("p", "title");
  if (alarm.drill) title.append(el("span", "drill-tag", t("drill")));
  title.append(document.createTextNode(place(alarm)));
  item.append(title);
  const state = el("p", "state", t(alarm.state));
  item.append(state);
  item.append(el("p", "waited"));
  const facts = el("dl");
  fact(facts, t("senior"), alarm.masked_id || t("not_identified"), "senior");
  if (alarm.masked_id) {
    fact(facts, t("age"), alarm.age == null ? t("not_recorded") : t("age_value", alarm.age), "age");
    fact(facts, t("phone"), alarm.phone || t("not_recorded"), "phone");
    const contact = [alarm.contact_name, alarm.contact_phone].filter(Boolean).join(" ");
    fact(facts, t("contact"), contact || t("not_recorded"), "contact");
    if (alarm.resident_note) fact(facts, t("note"), alarm.resident_note, "note");
  }
  fact(facts, t("kiosk"), alarm.kiosk_name + " (" + alarm.kiosk_id + ")", "kiosk");
  fact(facts, t("raised"), time(alarm.raised_at), "raised");
  if (alarm.operator) fact(facts, t("operator_name"), alarm.operator, "operator");
  if (alarm.cancel_note) fact(facts, t("cancel_note"), alarm.cancel_note, "cancel");
  item.append(facts);
  if (alarm.state === "received") {
    item.append(button("ack", t("ack"), node => act(node, alarm.alarm_id, "acknowledge")));
  } else if (alarm.state === "acknowledged") {
    if (confirming.has(alarm.alarm_id)) {
      const box = el("div", "confirm");
      box.setAttribute("role", "alertdialog");
      box.append(el("p", null, t("confirm_resolve")));
      box.append(button("confirm-yes", t("confirm_yes"), node => {
        confirming.delete(alarm.alarm_id);
        act(node, alarm.alarm_id, "resolve");
      }));
      box.append(button("confirm-no", t("confirm_no"), () => {
        confirming.delete(alarm.alarm_id);
        lastShown = null;
        render(board);
      }));
      item.append(box);
    } else {
      item.append(button("resolve", t("resolve"), () => {
        confirming.add(alarm.alarm_id);
        lastShown = null;
        render(board);
      }));
    }
  }
  return item;
}

async function act(node, alarmId, action) {
  node.disabled = true;
  try {
    await call("POST", "/v1/operator/alarms/" + alarmId + "/" + action);
  } catch (error) {
    showDown(t("action_failed") + error.message);
    node.disabled = false;
  }
}

function render(next) {
  // Rebuild only when something changed, so a button is never replaced under the pointer.
  const shown = JSON.stringify([next.alarms, next.silent_kiosks, [...confirming]]);
  if (shown !== lastShown) {
    lastShown = shown;
    const open = next.alarms.filter(a => OPEN.includes(a.state));
    $("alarm-count").textContent = "(" + open.length + ")";
    $("alarms").replaceChildren(...next.alarms.map(alarmItem));
    $("no-alarms").hidden = next.alarms.length > 0;
    $("silent").replaceChildren(...next.silent_kiosks.map(k => {
      const where = k.location ? k.name + " · " + k.location : k.name;
      const item = el("li", "silent-kiosk", where + " — " + t("last_seen") +
        (k.last_seen ? time(k.last_seen) : t("never")));
      item.dataset.kioskId = k.kiosk_id;
      return item;
    }));
    $("no-silent").hidden = next.silent_kiosks.length > 0;
  }
  tick();
}

// -- every second: waiting times, overdue marks, the alert -----------------------------------

function tick() {
  if (!board) return;
  const now = Date.now() + clockOffset;
  const timings = board.timings;
  let waiting = 0;
  let overdue = 0;
  for (const alarm of board.alarms) {
    const item = document.getElementById("alarm-" + alarm.alarm_id);
    if (!item) continue;
    const since = (now - Date.parse(alarm.received_at)) / 1000;
    const waited = item.querySelector(".waited");
    const late = alarm.state === "received" && since >= timings.ack_target_s;
    const escalated = alarm.escalated_at !== null ||
      (alarm.state === "received" && since >= timings.escalate_after_s);
    item.classList.toggle("overdue", late);
    item.classList.toggle("escalated", escalated && alarm.state === "received");
    item.dataset.overdue = String(late);
    item.dataset.escalated = String(escalated);
    if (alarm.state === "received") {
      waiting += 1;
      if (late) overdue += 1;
      let text = t("waiting", duration(since));
      if (late) text += " · " + t("overdue");
      if (escalated) text += " · " + t("escalated");
      waited.textContent = text;
    } else if (alarm.acknowledged_at) {
      const took = (Date.parse(alarm.acknowledged_at) - Date.parse(alarm.received_at)) / 1000;
      waited.textContent = t("waited_ack", duration(took));
    } else {
      waited.textContent = "";
    }
  }
  alertState.alerting = waiting > 0;
  alertState.urgent = overdue > 0;
  document.body.dataset.alerting = String(alertState.alerting);
  document.body.dataset.urgent = String(alertState.urgent);
  const banner = $("alert-banner");
  banner.hidden = !alertState.alerting;
  banner.textContent = alertState.urgent ? t("banner_overdue", overdue) : t("banner_new", waiting);
  document.title = alertState.alerting ? "(" + waiting + ") " + t("title") : t("title");
  sound(now, timings);
}

function sound(now, timings) {
  if (!alertState.alerting) return;
  const wall = Date.now();
  if (wall - lastBeep >= BEEP_EVERY_MS) {
    lastBeep = wall;
    beep(alertState.urgent ? [1320, 990, 1320] : [880, 660]);
    alertState.beeps += 1;
  }
  if (alertState.urgent && wall - lastRealert >= timings.realert_every_s * 1000) {
    lastRealert = wall;
    beep([1500, 1000, 1500, 1000, 1500, 1000]);
    alertState.realerts += 1;
  }
}

function beep(tones) {
  if (!audio) {
    try { audio = new AudioContext(); } catch (error) { return; }
  }
  if (audio.state === "suspended") {
    audio.resume().catch(() => {});
    $("sound").hidden = false;  // the browser wants a click before it plays sound
  } else {
    $("sound").hidden = true;
  }
  let at = audio.currentTime;
  for (const frequency of tones) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "square";
    oscillator.frequency.value = frequency;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.18);
    at += 0.22;
  }
}

// -- signing in and out ------------------------------------------------------------------------

function signOut(message) {
  token = null;
  sessionStorage.removeItem("operatorToken");
  if (stream) stream.abort();
  stream = null;
  board = null;
  $("board").hidden = true;
  $("signin").hidden = false;
  $("signin-error").textContent = message || "";
  tickReset();
}

function tickReset() {
  alertState.alerting = false;
  alertState.urgent = false;
  document.body.dataset.alerting = "false";
  $("alert-banner").hidden = true;
}

async function signIn(candidate) {
  token = candidate;
  try {
    const me = await call("GET", "/v1/operator/me");
    sessionStorage.setItem("operatorToken", candidate);
    operatorName = me.name;
    $("who").textContent = t("operator") + me.name;
    $("signin").hidden = true;
    $("board").hidden = false;
    listen();
  } catch (error) {
    if (token) signOut(t("cannot_sign_in") + error.message);
  }
}

$("signin").addEventListener("submit", event => {
  event.preventDefault();
  signIn($("token").value.trim());
});
$("sound").addEventListener("click", () => {
  if (audio) audio.resume();
  $("sound").hidden = true;
});
$("language").addEventListener("click", () => {
  lang = lang === "en" ? "zh" : "en";
  localStorage.setItem("operatorLanguage", lang);
  applyLanguage();
  if (token && operatorName) $("who").textContent = t("operator") + operatorName;
});
setInterval(tick, 1000);

applyLanguage();
const saved = takeToken();
if (saved) signIn(saved); else signOut();
