// Operator page: poll /v1/operator/board every second and render it. No framework, no build.
// Every value from the hub is inserted with textContent (never innerHTML).
"use strict";

const POLL_MS = 1000;
const STATE_TEXT = {
  received: "新警报 未确认 · New, not yet acknowledged",
  acknowledged: "已确认 · Acknowledged",
  resolved: "已解决 · Resolved",
  cancelled: "用户已取消 · Cancelled by the user",
};
let token = null;
let timer = null;

function $(id) { return document.getElementById(id); }

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
    signOut("令牌无效 The token was refused.");
    throw new Error("unauthorized");
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || ("HTTP " + response.status));
  return body;
}

function time(text) {
  const d = new Date(text);
  return isNaN(d) ? text : d.toLocaleTimeString("zh-CN", { hour12: false });
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function fact(list, label, value) {
  list.append(el("dt", null, label), el("dd", null, value));
}

function alarmItem(alarm) {
  const item = el("li", "alarm state-" + alarm.state + (alarm.drill ? " drill" : ""));
  item.id = "alarm-" + alarm.alarm_id;
  item.dataset.alarmId = alarm.alarm_id;
  item.dataset.state = alarm.state;
  const title = el("p", "title");
  if (alarm.drill) title.append(el("span", "drill-tag", "演练 DRILL – 勿派遣 do not dispatch"));
  title.append(document.createTextNode(alarm.kiosk_name + " · " + (alarm.location || alarm.kiosk_location)));
  item.append(title);
  item.append(el("p", "state", STATE_TEXT[alarm.state] || alarm.state));
  const facts = el("dl");
  fact(facts, "时间 Raised", time(alarm.raised_at));
  fact(facts, "老人 Senior", alarm.masked_id || "未识别 not identified");
  fact(facts, "终端 Kiosk", alarm.kiosk_name + " (" + alarm.kiosk_location + ")");
  if (alarm.operator) fact(facts, "操作员 Operator", alarm.operator);
  if (alarm.cancel_note) fact(facts, "取消原因 Cancel note", alarm.cancel_note);
  item.append(facts);
  if (alarm.state === "received" || alarm.state === "acknowledged") {
    if (alarm.state === "received") {
      const ack = el("button", "ack", "确认 Acknowledge");
      ack.type = "button";
      ack.addEventListener("click", () => act(ack, alarm.alarm_id, "acknowledge"));
      item.append(ack);
    }
    const done = el("button", "resolve", "已解决 Resolve");
    done.type = "button";
    done.addEventListener("click", () => act(done, alarm.alarm_id, "resolve"));
    item.append(done);
  }
  return item;
}

async function act(button, alarmId, action) {
  button.disabled = true;
  try {
    await call("POST", "/v1/operator/alarms/" + alarmId + "/" + action);
    await poll();
  } catch (error) {
    $("connection").textContent = "操作失败 Action failed: " + error.message;
    $("connection").className = "down";
    button.disabled = false;
  }
}

let lastShown = null;

function render(board) {
  $("connection").textContent = "已更新 Updated " + time(board.server_time);
  $("connection").className = "";
  // Rebuild only when something changed, so a button is never replaced under the pointer.
  const shown = JSON.stringify([board.alarms, board.silent_kiosks]);
  if (shown === lastShown) return;
  lastShown = shown;
  const open = board.alarms.filter(a => a.state === "received" || a.state === "acknowledged");
  $("alarm-count").textContent = "(" + open.length + ")";
  $("alarms").replaceChildren(...board.alarms.map(alarmItem));
  $("no-alarms").hidden = board.alarms.length > 0;
  $("silent").replaceChildren(...board.silent_kiosks.map(k => {
    const item = el("li", "silent-kiosk", k.name + " · " + k.location + " — 最后联系 last seen: " +
      (k.last_seen ? time(k.last_seen) : "从未 never"));
    item.dataset.kioskId = k.kiosk_id;
    return item;
  }));
  $("no-silent").hidden = board.silent_kiosks.length > 0;
}

async function poll() {
  try {
    render(await call("GET", "/v1/operator/board"));
  } catch (error) {
    if (token) {
      $("connection").textContent = "无法连接服务器 Cannot reach the hub: " + error.message;
      $("connection").className = "down";
    }
  }
}

function signOut(message) {
  token = null;
  sessionStorage.removeItem("operatorToken");
  if (timer) clearInterval(timer);
  timer = null;
  $("board").hidden = true;
  $("signin").hidden = false;
  $("signin-error").textContent = message || "";
}

async function signIn(candidate) {
  token = candidate;
  try {
    const me = await call("GET", "/v1/operator/me");
    sessionStorage.setItem("operatorToken", candidate);
    $("who").textContent = "操作员 Operator: " + me.name;
    $("signin").hidden = true;
    $("board").hidden = false;
    await poll();
    timer = setInterval(poll, POLL_MS);
  } catch (error) {
    if (token) signOut("无法登录 Cannot sign in: " + error.message);
  }
}

$("signin").addEventListener("submit", event => {
  event.preventDefault();
  signIn($("token").value.trim());
});

const saved = takeToken();
if (saved) signIn(saved); else signOut();
