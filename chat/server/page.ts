// A minimal chat page served at `/` until the React client is built: plain protocol, every text
// rendered with `textContent` (never `innerHTML`), Japanese or English from the browser language.

export const CHAT_PAGE_HTML = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>loopchat</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  #log { list-style: none; padding: 0; border: 1px solid #ccc; height: 24rem; overflow-y: auto; }
  #log li { padding: 0.2rem 0.5rem; }
  #log li.notice { color: #666; font-style: italic; }
  form { display: flex; gap: 0.5rem; margin-top: 0.5rem; }
  form input[name=message] { flex: 1; }
</style>
</head>
<body>
<h1>loopchat</h1>
<form id="join"><input name="username" maxlength="40" autocomplete="nickname"><button></button></form>
<ul id="log"></ul>
<form id="send"><input name="message" autocomplete="off" disabled><button disabled></button></form>
<script>
const TEXT = {
  en: { name: 'Your name', join: 'Join', send: 'Send', joined: ' joined', left: ' left', online: ' online', closed: 'Disconnected, code ' },
  ja: { name: 'あなたの名前', join: '参加', send: '送信', joined: ' さんが参加しました', left: ' さんが退室しました', online: ' 人が接続中', closed: '切断されました。コード ' },
};
const text = navigator.language.toLowerCase().startsWith('ja') ? TEXT.ja : TEXT.en;
const joinForm = document.getElementById('join');
const sendForm = document.getElementById('send');
const log = document.getElementById('log');
joinForm.username.placeholder = text.name;
joinForm.querySelector('button').textContent = text.join;
sendForm.querySelector('button').textContent = text.send;
let socket;

function show(line, notice) {
  const item = document.createElement('li');
  item.textContent = line;
  if (notice) item.className = 'notice';
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

joinForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (socket) socket.close();
  const url = new URL('/chat', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('username', joinForm.username.value);
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    for (const element of sendForm.elements) element.disabled = false;
    sendForm.message.focus();
  });
  socket.addEventListener('message', (frame) => {
    const event = JSON.parse(frame.data);
    if (event.type === 'message') {
      const time = new Date(event.timestamp * 1000).toLocaleTimeString();
      show('[' + time + '] ' + event.username + ': ' + event.message, false);
    } else if (event.type === 'join' || event.type === 'leave') {
      show(event.username + (event.type === 'join' ? text.joined : text.left) + ' (' + event.count + text.online + ')', true);
    } else if (event.type === 'error') {
      show(event.message, true);
    }
  });
  socket.addEventListener('close', (event) => {
    for (const element of sendForm.elements) element.disabled = true;
    show(text.closed + event.code, true);
  });
});

sendForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (socket && socket.readyState === WebSocket.OPEN && sendForm.message.value.trim() !== '') {
    socket.send(sendForm.message.value);
    sendForm.message.value = '';
  }
});
</script>
</body>
</html>
`;
