// The sandbox's progress page: a persona's applications from `me`, kept live by myUpdates over graphql-transport-ws.
'use strict';

const STATUS = {
    SUBMITTED: '已提交', UNDER_REVIEW: '审核中', NEEDS_SUPPLEMENT: '待补充材料', APPROVED: '已批准', REJECTED: '未通过',
    IN_PRODUCTION: '制证中', READY_FOR_PICKUP: '待领取', SHIPPED: '已寄出', DELIVERED: '已签收', COMPLETED: '已办结',
    CANCELLED: '已撤销', UNKNOWN: '其他状态'
};
const KIND = {
    RESIDENCE_REGISTRATION: '居住登记', RESIDENCE_PERMIT_NEW: '居住证申领', REGISTRATION_ADDRESS_CHANGE: '居住登记变更',
    PERMIT_LOSS_REPORT: '居住证挂失', PERMIT_LOSS_CANCEL: '居住证解挂', PERMIT_PHOTO_CHANGE: '更换证件照片', UNKNOWN: '其他业务'
};
const PARCEL = {
    CREATED: '已下单', PICKED_UP: '已揽收', IN_TRANSIT: '运输中', OUT_FOR_DELIVERY: '派送中', DELIVERED: '已签收',
    RETURNED: '已退回', EXCEPTION: '异常', UNKNOWN: '其他状态'
};
const EVENT = {
    TIMELINE_EVENT: '新进度', PARCEL_EVENT: '邮件动态', STATUS_CHANGED: '状态变更', READY_FOR_PICKUP: '可以领取',
    REMINDER: '提醒', DEGRADED: '部门系统暂时无响应', RECOVERED: '部门系统已恢复', RESYNC: '重新同步'
};
const APPLICATION = `fragment App on Application {
  id kind status submittedAt
  timeline { at status note }
  delivery { method trackingNumber serviceCenter { name }
             shipment { status estimatedDelivery events { at location description } } }
}`;
const ME = `query { me { profile { name } applications { ...App } } } ${APPLICATION}`;
const UPDATES = `subscription($after: ID) { myUpdates(after: $after) {
  id kind at upstream application { ...App } timelineEvent { status } parcelEvent { location description }
  reminder { message } } } ${APPLICATION}`;

const $ = (id) => document.getElementById(id);
const applications = new Map();
let token = null;
let socket = null;
let lastId = null;
let retries = 0;

function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
}

function time(at) {
    return at ? new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

function setConnection(state, text) {
    $('connection').dataset.state = state;
    $('connection').textContent = text;
}

function render(app) {
    const box = element('section', undefined, 'application');
    box.id = 'application-' + app.id;
    box.dataset.status = app.status;
    box.appendChild(element('h3', (KIND[app.kind] || app.kind) + ' · ' + app.id));
    const status = element('p', '当前状态：');
    status.appendChild(element('span', STATUS[app.status] || app.status, 'status'));
    box.appendChild(status);
    const timeline = element('ol', undefined, 'timeline');
    for (const step of app.timeline) {
        const item = element('li', (STATUS[step.status] || step.status) + ' · ' + time(step.at)
            + (step.note ? ' · ' + step.note : ''));
        item.dataset.status = step.status;
        timeline.appendChild(item);
    }
    box.appendChild(timeline);
    const shipment = app.delivery && app.delivery.shipment;
    if (shipment) {
        box.appendChild(element('p', '邮件 ' + (app.delivery.trackingNumber || '') + '：'
            + (PARCEL[shipment.status] || shipment.status)
            + (shipment.estimatedDelivery ? '，预计 ' + shipment.estimatedDelivery + ' 送达' : '')));
        const parcel = element('ul', undefined, 'parcel');
        for (const scan of shipment.events) {
            parcel.appendChild(element('li', time(scan.at) + ' · ' + scan.location + ' · ' + scan.description));
        }
        box.appendChild(parcel);
    } else if (app.delivery && app.delivery.serviceCenter) {
        box.appendChild(element('p', '领取地点：' + app.delivery.serviceCenter.name));
    }
    const old = $(box.id);
    if (old) old.replaceWith(box); else $('applications').appendChild(box);
}

function log(update) {
    const what = update.timelineEvent ? STATUS[update.timelineEvent.status] || update.timelineEvent.status
        : update.parcelEvent ? update.parcelEvent.location + ' ' + update.parcelEvent.description
        : update.reminder ? update.reminder.message
        : update.application ? STATUS[update.application.status] || update.application.status
        : update.upstream || '';
    const item = element('li', '#' + update.id + ' ' + time(update.at) + ' ' + (EVENT[update.kind] || update.kind)
        + (what ? '：' + what : ''));
    item.dataset.kind = update.kind;
    $('log').prepend(item);
}

async function graphql(query) {
    const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
        body: JSON.stringify({ query })
    });
    return response.json();
}

async function loadMe() {
    const result = await graphql(ME);
    if (result.errors) throw new Error(result.errors[0].message);
    $('who').textContent = result.data.me.profile.name + ' 的申请';
    applications.clear();
    $('applications').replaceChildren();
    for (const app of result.data.me.applications || []) {
        applications.set(app.id, app);
        render(app);
    }
    if (applications.size === 0) $('applications').appendChild(element('p', '暂无申请。', 'muted'));
}

function onUpdate(update) {
    lastId = update.id;
    log(update);
    if (update.kind === 'RESYNC') {
        loadMe();
    } else if (update.application) {
        applications.set(update.application.id, update.application);
        render(update.application);
    }
    if (update.kind === 'DEGRADED') setConnection('degraded', '已连接（部门系统无响应，显示的可能不是最新）');
    if (update.kind === 'RECOVERED') setConnection('live', '已连接，实时更新中');
}

// graphql-transport-ws by hand: init with the token, subscribe after the ack, pong every ping, resume with `after`.
function connect() {
    const mine = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql',
        'graphql-transport-ws');
    socket = mine;
    const send = (message) => mine.send(JSON.stringify(message));
    setConnection('connecting', '连接中…');
    mine.onopen = () => send({ type: 'connection_init', payload: { Authorization: 'Bearer ' + token } });
    mine.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === 'connection_ack') {
            retries = 0;
            setConnection('live', '已连接，实时更新中');
            send({ id: 'updates', type: 'subscribe', payload: { query: UPDATES, variables: lastId ? { after: lastId } : {} } });
        } else if (message.type === 'ping') {
            send({ type: 'pong' });
        } else if (message.type === 'next' && message.payload.errors) {
            streamError(mine, message.payload.errors);
        } else if (message.type === 'next') {
            onUpdate(message.payload.data.myUpdates);
        } else if (message.type === 'error') {
            streamError(mine, message.payload);
        } else if (message.type === 'complete') {
            setConnection('closed', '订阅已结束');
        }
    };
    mine.onclose = (event) => {
        if (socket !== mine) return;
        if (event.code === 4401 || event.code === 4403) {
            setConnection('closed', '登录无效，请重新选择居民');
            return;
        }
        retries++;
        setConnection('connecting', '连接断开，' + Math.min(30, 2 ** retries) + ' 秒后重连…');
        setTimeout(() => { if (socket === mine) connect(); }, 1000 * Math.min(30, 2 ** retries));
    };
}

async function streamError(from, errors) {
    const code = errors[0] && errors[0].extensions && errors[0].extensions.code;
    if (code === 'UNAUTHENTICATED' && socket === from) {
        token = await signIn($('persona').value);
        from.close();
        connect();
        return;
    }
    setConnection('closed', '订阅出错：' + (code || errors[0].message));
}

async function signIn(persona) {
    const response = await fetch('/sandbox/token', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona })
    });
    return (await response.json()).accessToken;
}

async function choose(persona) {
    if (socket) {
        const old = socket;
        socket = null;
        old.close();
    }
    lastId = null;
    retries = 0;
    $('log').replaceChildren();
    $('applications').replaceChildren();
    if (!persona) {
        setConnection('idle', '未连接');
        return;
    }
    try {
        token = await signIn(persona);
        await loadMe();
    } catch (error) {
        setConnection('closed', '查询失败：' + error.message);
        return;
    }
    connect();
}

async function advance(amount) {
    const response = await fetch('/sandbox/clock', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: amount })
    });
    $('today').textContent = (await response.json()).today;
}

fetch('/sandbox/personas').then((r) => r.json()).then((personas) => {
    for (const p of personas) {
        const option = element('option', p.id + ' ' + p.name + ' · ' + p.description);
        option.value = p.id;
        $('persona').appendChild(option);
    }
});
fetch('/sandbox/clock').then((r) => r.json()).then((clock) => { $('today').textContent = clock.today; });
$('persona').addEventListener('change', (event) => choose(event.target.value));
$('advance-2h').addEventListener('click', () => advance('PT2H'));
$('advance-5d').addEventListener('click', () => advance('P5D'));
