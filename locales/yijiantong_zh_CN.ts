<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Admin</name>
    <message>
        <source>This did not work: {reason}</source>
        <extracomment>What every personal number ``services.identity.redact`` masks is made of: at least ``MIN_REDACTED_DIGITS`` decimal digits (a Shanghai landline, ``21`` + 8 digits, is the shortest) and nothing but digits and ``NUMBER_PUNCTUATION``. Text without such a run cannot hold one. tests/unit/kiosk/test_logs.py checks both against the pattern.</extracomment>
        <translation>操作未成功：{reason}</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>工作人员登录</translation>
    </message>
    <message>
        <source>Enter the admin PIN, or a helper PIN, or swipe a helper badge.</source>
        <translation>请输入管理员密码，或协助员密码，或刷协助员工牌。</translation>
    </message>
    <message>
        <source>Set the admin PIN</source>
        <translation>设置管理员密码</translation>
    </message>
    <message>
        <source>No admin PIN is set yet. Choose a PIN of 4 to 12 digits.</source>
        <translation>还没有设置管理员密码。请设置 4 到 12 位数字的密码。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait {minutes} min {seconds} s.</source>
        <translation>密码错误次数太多。请等待 {minutes} 分 {seconds} 秒。</translation>
    </message>
    <message>
        <source>That PIN is not right. {left} tries left before a wait.</source>
        <translation>密码不对。再错 {left} 次后需要等待。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits. Please choose again.</source>
        <translation>密码为 4 到 12 位数字。请重新设置。</translation>
    </message>
    <message>
        <source>Enter the same PIN again to confirm.</source>
        <translation>请再输入一次相同的密码以确认。</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 12 digits.</source>
        <translation>请设置 4 到 12 位数字的密码。</translation>
    </message>
    <message>
        <source>The two PINs were different. Please start again.</source>
        <translation>两次输入的密码不一样。请重新开始。</translation>
    </message>
    <message>
        <source>That is not a web address. It must start with http:// or https://.</source>
        <translation>这不是网址。网址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Not changed: {problem}</source>
        <translation>未更改：{problem}</translation>
    </message>
    <message>
        <source>In use now, but it could not be saved for the next start: {reason}</source>
        <translation>已生效，但无法保存到下次启动：{reason}</translation>
    </message>
    <message>
        <source>Helper added.</source>
        <translation>已添加协助员。</translation>
    </message>
    <message>
        <source>Helper removed.</source>
        <translation>已删除协助员。</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>协助员：{name}</translation>
    </message>
    <message>
        <source>Please give the helper a name (up to 40 characters).</source>
        <translation>请填写协助员姓名（最多 40 个字）。</translation>
    </message>
    <message>
        <source>Please give a PIN or a badge number (or both).</source>
        <translation>请填写密码或工牌号（或两者都填）。</translation>
    </message>
    <message>
        <source>A PIN has digits only.</source>
        <translation>密码只能是数字。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>密码为 4 到 12 位数字。</translation>
    </message>
    <message>
        <source>A badge number has 4 to 32 letters or digits.</source>
        <translation>工牌号为 4 到 32 位字母或数字。</translation>
    </message>
    <message>
        <source>There is already a helper with that name.</source>
        <translation>已有同名的协助员。</translation>
    </message>
    <message>
        <source>No helper accounts yet.</source>
        <translation>还没有协助员账号。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Helper accounts</source>
        <translation>协助员账号</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>协助员</translation>
    </message>
    <message>
        <source>Add a helper</source>
        <translation>添加协助员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits)</source>
        <translation>密码（4 到 12 位数字）</translation>
    </message>
    <message>
        <source>Badge number (or swipe the badge here)</source>
        <translation>工牌号（或在此刷工牌）</translation>
    </message>
    <message>
        <source>Add helper</source>
        <translation>添加协助员</translation>
    </message>
    <message>
        <source>Display and language</source>
        <translation>显示和语言</translation>
    </message>
    <message>
        <source>Speech and microphone</source>
        <translation>语音和麦克风</translation>
    </message>
    <message>
        <source>Services and order</source>
        <translation>服务和顺序</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>使用时段</translation>
    </message>
    <message>
        <source>Kiosk name and hub</source>
        <translation>终端名称和服务中心</translation>
    </message>
    <message>
        <source>Emergency and phone</source>
        <translation>紧急呼叫和电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Admin: settings and status</source>
        <translation>管理：设置和状态</translation>
    </message>
    <message>
        <source>Close the admin screen</source>
        <translation>关闭管理界面</translation>
    </message>
    <message>
        <source>{count} digits entered</source>
        <translation>已输入 {count} 位</translation>
    </message>
    <message>
        <source>Saved and in use now.</source>
        <translation>已保存并生效。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>减少</translation>
    </message>
    <message>
        <source>More</source>
        <translation>增加</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Meal orders</source>
        <translation>订餐</translation>
    </message>
    <message>
        <source>Benefit checks</source>
        <translation>补贴查询</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <source>Enrol with a service hub</source>
        <translation>连接服务中心（登记）</translation>
    </message>
    <message>
        <source>Hub address (http:// or https://)</source>
        <translation>服务中心网址（http:// 或 https://）</translation>
    </message>
    <message>
        <source>One-time code from the hub</source>
        <translation>服务中心提供的一次性登记码</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Please type the one-time code from the hub.</source>
        <translation>请输入服务中心提供的一次性登记码。</translation>
    </message>
    <message>
        <source>Contacting the hub…</source>
        <translation>正在联系服务中心…</translation>
    </message>
    <message>
        <source>Cannot reach the hub at {url}. Check the address and the network. Nothing was changed.</source>
        <translation>无法连接服务中心 {url}。请检查网址和网络。设置没有改变。</translation>
    </message>
    <message>
        <source>The hub did not accept that code (wrong, used or expired). Ask for a new code. Nothing was changed.</source>
        <translation>服务中心不接受此登记码（错误、已用或过期）。请索取新的登记码。设置没有改变。</translation>
    </message>
    <message>
        <source>Enrolment failed: {reason}</source>
        <translation>登记失败：{reason}</translation>
    </message>
    <message>
        <source>Enrolled. This kiosk now sends its requests to the hub.</source>
        <translation>登记成功。本终端现在把请求发送到服务中心。</translation>
    </message>
    <message>
        <source>Queued again; it will be sent with the next sync.</source>
        <translation>已重新排队，下次同步时发送。</translation>
    </message>
    <message>
        <source>That request is no longer in the list.</source>
        <translation>该请求已不在列表中。</translation>
    </message>
    <message>
        <source>Please type the full path of the model zip file first.</source>
        <translation>请先输入模型 zip 文件的完整路径。</translation>
    </message>
    <message>
        <source>Not installed: {reason}. The old model (if any) is still in use.</source>
        <translation>未安装：{reason}。原有模型（如有）仍在使用。</translation>
    </message>
    <message>
        <source>Installed: {model}</source>
        <translation>已安装：{model}</translation>
    </message>
    <message>
        <source>Installing… this can take a minute.</source>
        <translation>正在安装…可能需要一分钟。</translation>
    </message>
    <message>
        <source>Speaking a test sentence…</source>
        <translation>正在播放测试语句…</translation>
    </message>
    <message>
        <source>The test sentence was played. Did you hear it?</source>
        <translation>测试语句已播放。您听到了吗？</translation>
    </message>
    <message>
        <source>No sound could be played: check the speaker and its cable.</source>
        <translation>无法播放声音：请检查扬声器和连接线。</translation>
    </message>
    <message>
        <source>Listening for 2 seconds: please speak.</source>
        <translation>正在录音 2 秒：请说话。</translation>
    </message>
    <message>
        <source>No microphone found. Voice input is off; the touch screen still works.</source>
        <translation>没有找到麦克风。语音输入已关闭，触摸屏仍可使用。</translation>
    </message>
    <message>
        <source>The microphone works but heard almost nothing. Is it muted?</source>
        <translation>麦克风正常，但几乎没有收到声音。是否静音了？</translation>
    </message>
    <message>
        <source>The microphone works (loudest: {level} %).</source>
        <translation>麦克风正常（最大音量：{level} %）。</translation>
    </message>
    <message>
        <source>The emergency call is not set up on this kiosk; no drill.</source>
        <translation>本终端未设置紧急呼叫，无法演练。</translation>
    </message>
    <message>
        <source>Please type the folder to export to (e.g. /media/usb).</source>
        <translation>请输入导出文件夹（例如 /media/usb）。</translation>
    </message>
    <message>
        <source>Exported to {file}</source>
        <translation>已导出到 {file}</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: it is read-only.</source>
        <translation>无法写入 {folder}：该位置为只读。</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: it is full.</source>
        <translation>无法写入 {folder}：空间已满。</translation>
    </message>
    <message>
        <source>There is no folder {folder}. Is the USB stick plugged in?</source>
        <translation>没有文件夹 {folder}。U 盘插好了吗？</translation>
    </message>
    <message>
        <source>Export to {folder} failed.</source>
        <translation>导出到 {folder} 失败。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Removed {requests} old requests and {answers} saved answers. {queued} requests still waiting to be sent were kept.</source>
        <translation>已删除 {requests} 条旧请求和 {answers} 条保存的查询结果。保留了 {queued} 条尚未发送的请求。</translation>
    </message>
    <message>
        <source>Removing personal data…</source>
        <translation>正在删除个人资料…</translation>
    </message>
    <message>
        <source>Speaker and microphone</source>
        <translation>扬声器和麦克风</translation>
    </message>
    <message>
        <source>Test the speaker</source>
        <translation>测试扬声器</translation>
    </message>
    <message>
        <source>Test the microphone (2 seconds)</source>
        <translation>测试麦克风（2 秒）</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
    <message>
        <source>Emergency drill (nobody is sent)</source>
        <translation>紧急呼叫演练（不会派人）</translation>
    </message>
    <message>
        <source>Start a drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <source>Export logs and diagnostics</source>
        <translation>导出日志和诊断资料</translation>
    </message>
    <message>
        <source>Folder to write to (e.g. the USB stick):</source>
        <translation>导出到的文件夹（例如 U 盘）：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>删除个人资料</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Fewer days</source>
        <translation>减少天数</translation>
    </message>
    <message>
        <source>More days</source>
        <translation>增加天数</translation>
    </message>
    <message>
        <source>Remove data older than {days} days</source>
        <translation>删除 {days} 天前的资料</translation>
    </message>
    <message>
        <source>Tap again to remove everything now</source>
        <translation>再按一次，立即全部删除</translation>
    </message>
    <message>
        <source>Remove all personal data now</source>
        <translation>立即删除全部个人资料</translation>
    </message>
    <message>
        <source>Not enrolled with a service hub.</source>
        <translation>尚未登记到服务中心。</translation>
    </message>
    <message>
        <source>Connection: not known yet.</source>
        <translation>连接状态：暂不清楚。</translation>
    </message>
    <message>
        <source>Online.</source>
        <translation>已联网。</translation>
    </message>
    <message>
        <source>Offline.</source>
        <translation>未联网。</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>上次成功同步：{when}</translation>
    </message>
    <message>
        <source>Requests waiting to be sent: {count}</source>
        <translation>等待发送的请求：{count}</translation>
    </message>
    <message>
        <source>Last problem: {error}</source>
        <translation>最近的问题：{error}</translation>
    </message>
    <message>
        <source>No rejected requests.</source>
        <translation>没有被拒绝的请求。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>No alarms.</source>
        <translation>没有紧急呼叫记录。</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>未知。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Connection and sync</source>
        <translation>连接和同步</translation>
    </message>
    <message>
        <source>Rejected requests</source>
        <translation>被拒绝的请求</translation>
    </message>
    <message>
        <source>Alarm history</source>
        <translation>紧急呼叫记录</translation>
    </message>
    <message>
        <source>Speech recognition models</source>
        <translation>语音识别模型</translation>
    </message>
    <message>
        <source>Install a model from a zip file (full path):</source>
        <translation>从 zip 文件安装模型（完整路径）：</translation>
    </message>
    <message>
        <source>Install for {language}</source>
        <translation>安装{language}模型</translation>
    </message>
    <message>
        <source>Use per day, last 30 days</source>
        <translation>最近 30 天每天使用量</translation>
    </message>
    <message>
        <source>The hub has had too many enrolment attempts from this kiosk. Wait {minutes} min, then try again. Nothing was changed.</source>
        <translation>本机登记尝试次数过多，服务中心暂时不再受理。请等 {minutes} 分钟后再试。设置没有改变。</translation>
    </message>
    <message>
        <source>The kiosk's data file cannot be used. Bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</source>
        <translation>本机的数据文件无法使用。预约、订餐和设置都无法保存；紧急呼叫仍会发送到服务中心。请联系技术人员。</translation>
    </message>
    <message>
        <source>The data folder cannot be written (read-only or full). The kiosk shows what it has, but new bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</source>
        <translation>数据文件夹无法写入（只读或已满）。本机仍显示已有的信息，但新的预约、订餐和设置无法保存；紧急呼叫仍会发送到服务中心。请联系技术人员。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>AdminOption</name>
    <message>
        <source>Language at the start</source>
        <translation>开始时的语言</translation>
    </message>
    <message>
        <source>Text size at the start</source>
        <translation>开始时的字体大小</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Seconds without a touch before the warning</source>
        <translation>无操作多少秒后提醒</translation>
    </message>
    <message>
        <source>Seconds the warning stays before the screen is cleared</source>
        <translation>提醒显示多少秒后清空屏幕</translation>
    </message>
    <message>
        <source>Service hub address</source>
        <translation>服务中心网址</translation>
    </message>
    <message>
        <source>Speak every screen</source>
        <translation>朗读每个画面</translation>
    </message>
    <message>
        <source>Speech speed (words per minute)</source>
        <translation>语速（每分钟字数）</translation>
    </message>
    <message>
        <source>Volume (percent)</source>
        <translation>音量（百分比）</translation>
    </message>
    <message>
        <source>Kiosk name</source>
        <translation>终端名称</translation>
    </message>
    <message>
        <source>Kiosk location</source>
        <translation>终端位置</translation>
    </message>
    <message>
        <source>Printer for slips</source>
        <translation>打印凭条的打印机</translation>
    </message>
    <message>
        <source>Service area (street)</source>
        <translation>服务区域（街道）</translation>
    </message>
    <message>
        <source>Services on the home screen, in order</source>
        <translation>首页显示的服务及顺序</translation>
    </message>
    <message>
        <source>Log detail</source>
        <translation>日志详细程度</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Always listen for a call for help</source>
        <translation>一直监听求救声</translation>
    </message>
    <message>
        <source>Numbers to call in an emergency</source>
        <translation>紧急时拨打的号码</translation>
    </message>
    <message>
        <source>On-site alert sound</source>
        <translation>现场提醒声</translation>
    </message>
    <message>
        <source>Drill mode</source>
        <translation>演练模式</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>就医预约</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>助餐</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>补贴查询</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <source>Days personal data is kept after a request is done (0: until removed)</source>
        <translation>申请办完后个人信息保留的天数（0：直到手动删除）</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Waiting for confirmation</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Could not be booked</source>
        <translation>未能预约</translation>
    </message>
    <message>
        <source>Cancellation sent</source>
        <translation>取消申请已发出</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Someone else took the last place at this time.</source>
        <translation>这个时间的最后一个名额已被别人预约。</translation>
    </message>
    <message>
        <source>This time is no longer offered by the hospital.</source>
        <translation>医院已不再提供这个时间。</translation>
    </message>
    <message>
        <source>Booking for this time has closed.</source>
        <translation>这个时间的预约已经截止。</translation>
    </message>
    <message>
        <source>This day cannot be booked yet.</source>
        <translation>这一天暂时还不能预约。</translation>
    </message>
    <message>
        <source>You already have an appointment in this department on this day.</source>
        <translation>您这一天在这个科室已经有预约了。</translation>
    </message>
    <message>
        <source>It is too late to cancel this appointment.</source>
        <translation>现在取消这个预约已经太晚了。</translation>
    </message>
    <message>
        <source>The hospital has no record of this booking.</source>
        <translation>医院没有这个预约的记录。</translation>
    </message>
    <message>
        <source>The service centre could not accept this request.</source>
        <translation>服务中心无法受理这个申请。</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已约满</translation>
    </message>
    <message>
        <source>Places left: {n}</source>
        <translation>剩余 {n} 个号</translation>
    </message>
    <message>
        <source>Kept for seniors</source>
        <translation>老年人专用号</translation>
    </message>
    <message>
        <source>Earliest free time: {when}</source>
        <translation>最早可约：{when}</translation>
    </message>
    <message>
        <source>Fee: {amount}</source>
        <translation>挂号费 {amount}</translation>
    </message>
    <message>
        <source>For ID number {masked}</source>
        <translation>身份证号 {masked}</translation>
    </message>
    <message>
        <source>You can cancel until {when}.</source>
        <translation>您可以在 {when} 之前取消。</translation>
    </message>
    <message>
        <source>Offline: showing saved information from {age}.</source>
        <translation>暂时离线：显示的是{age}保存的信息。</translation>
    </message>
    <message>
        <source>Information from {age}.</source>
        <translation>信息更新于{age}。</translation>
    </message>
    <message>
        <source>This kiosk has no appointment information yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>本机还没有预约信息，需要先连接服务中心。请找工作人员。</translation>
    </message>
    <message>
        <source>Booking for ID number {masked}</source>
        <translation>为身份证号 {masked} 预约</translation>
    </message>
    <message>
        <source>to book or check a doctor's appointment</source>
        <translation>用于预约或查看就医预约</translation>
    </message>
    <message>
        <source>Which hospital?</source>
        <translation>去哪家医院？</translation>
    </message>
    <message>
        <source>My appointments</source>
        <translation>我的预约</translation>
    </message>
    <message>
        <source>Staff: waiting bookings</source>
        <translation>工作人员：待处理预约</translation>
    </message>
    <message>
        <source>Which department?</source>
        <translation>看哪个科？</translation>
    </message>
    <message>
        <source>There are no free places in this department in the coming days.</source>
        <translation>这个科室最近几天没有空余的号。</translation>
    </message>
    <message>
        <source>Which day?</source>
        <translation>哪一天？</translation>
    </message>
    <message>
        <source>Which time?</source>
        <translation>几点钟？</translation>
    </message>
    <message>
        <source>That time has just been taken. Please choose again.</source>
        <translation>这个时间刚刚被约走了，请重新选择。</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your booking will be saved and sent as soon as the connection is back; until then it waits for confirmation.</source>
        <translation>本机暂时离线。您的预约会先保存，联网后马上发送；在此之前显示为等待确认。</translation>
    </message>
    <message>
        <source>Please check your appointment</source>
        <translation>请核对您的预约</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Book this appointment</source>
        <translation>确认预约</translation>
    </message>
    <message>
        <source>This time could not be booked</source>
        <translation>这个时间没能约上</translation>
    </message>
    <message>
        <source>Choose another time</source>
        <translation>换一个时间</translation>
    </message>
    <message>
        <source>Print a slip</source>
        <translation>打印预约单</translation>
    </message>
    <message>
        <source>Your appointment is booked</source>
        <translation>预约成功</translation>
    </message>
    <message>
        <source>Please bring your ID card.</source>
        <translation>就诊时请带好身份证。</translation>
    </message>
    <message>
        <source>Nearest free times:</source>
        <translation>离得最近的空余时间：</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your booking is saved and will be sent when the connection is back. You can check it under My appointments.</source>
        <translation>本机暂时离线。您的预约已保存，联网后会自动发送。可以在“我的预约”里查看。</translation>
    </message>
    <message>
        <source>Your booking has been sent. The booking number appears here when the hospital confirms it.</source>
        <translation>您的预约已发出。医院确认后，预约号会显示在这里。</translation>
    </message>
    <message>
        <source>Cancel this appointment</source>
        <translation>取消这个预约</translation>
    </message>
    <message>
        <source>The time to cancel has passed. To change it, please call the hospital: {phone}.</source>
        <translation>已经过了可以取消的时间。如需更改，请打医院电话：{phone}。</translation>
    </message>
    <message>
        <source>Cancel this appointment?</source>
        <translation>要取消这个预约吗？</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>确定取消</translation>
    </message>
    <message>
        <source>Your cancellation has been sent.</source>
        <translation>取消申请已发出。</translation>
    </message>
    <message>
        <source>A booking could not be made</source>
        <translation>有一个预约没能约上</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>……还有 {n} 条。</translation>
    </message>
    <message>
        <source>Waiting and refused bookings</source>
        <translation>待确认和未成功的预约</translation>
    </message>
    <message>
        <source>For staff: bookings not yet confirmed by the service centre, and refused ones the senior has not seen yet.</source>
        <translation>供工作人员查看：服务中心尚未确认的预约，以及老人还没看到的未成功预约。</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>没有待处理的预约。</translation>
    </message>
    <message>
        <source>booked elsewhere</source>
        <translation>在其他地点预约</translation>
    </message>
    <message>
        <source>Bookings made at other kiosks cannot be checked right now.</source>
        <translation>现在无法查到您在其他地点的预约。</translation>
    </message>
    <message>
        <source>Bookings made at other kiosks: as known {age}.</source>
        <translation>其他地点的预约：信息更新于{age}。</translation>
    </message>
    <message>
        <source>{n} more booking(s) made elsewhere cannot be shown here; staff can look them up.</source>
        <translation>另有{n}个在其他地点的预约无法在这里显示，工作人员可以帮您查询。</translation>
    </message>
    <message>
        <source>Choose one to see it or cancel it.</source>
        <translation>请选择一个预约查看或取消。</translation>
    </message>
    <message>
        <source>You have no upcoming appointments.</source>
        <translation>您目前没有待就诊的预约。</translation>
    </message>
    <message>
        <source>Booked at another kiosk.</source>
        <translation>这是在其他地点预约的。</translation>
    </message>
</context>
<context>
    <name>Benefits</name>
    <message>
        <source>Do you have a Shanghai household registration (hukou)?</source>
        <translation>您有上海户口吗？</translation>
    </message>
    <message>
        <source>Some allowances and the daily meal subsidy are for Shanghai hukou holders.</source>
        <translation>部分津贴和每天的助餐补贴，只有上海户籍才能领取。</translation>
    </message>
    <message>
        <source>Do you receive minimum living support (dibao)?</source>
        <translation>您享受低保（最低生活保障）吗？</translation>
    </message>
    <message>
        <source>People with dibao can get more help with meals and care.</source>
        <translation>享受低保的人，在助餐和照护方面能得到更多帮助。</translation>
    </message>
    <message>
        <source>Is your family certified as low-income?</source>
        <translation>您家是经过认定的低收入家庭吗？</translation>
    </message>
    <message>
        <source>Low-income families can get help with the cost of care.</source>
        <translation>低收入家庭的照护费用可以得到补助。</translation>
    </message>
    <message>
        <source>Do you have employee medical insurance?</source>
        <translation>您有职工医保吗？</translation>
    </message>
    <message>
        <source>This is the insurance people get through their work or pension.</source>
        <translation>就是在单位工作或退休后享受的医保。</translation>
    </message>
    <message>
        <source>Do you have resident medical insurance?</source>
        <translation>您有居民医保吗？</translation>
    </message>
    <message>
        <source>This is the insurance people join through the neighbourhood.</source>
        <translation>就是通过居委会或街道参加的医保。</translation>
    </message>
    <message>
        <source>Have you had a care needs assessment?</source>
        <translation>您做过老年照护统一需求评估吗？</translation>
    </message>
    <message>
        <source>The assessment gives a care grade from 1 to 6.</source>
        <translation>评估后会定出评估等级，从1级到6级。</translation>
    </message>
    <message>
        <source>What is your care grade?</source>
        <translation>您的评估等级是几级？</translation>
    </message>
    <message>
        <source>It is on your assessment letter. Choose “Not sure” if you do not know.</source>
        <translation>评估结果通知书上写着等级。如果不知道，请选“不清楚”。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>Grade {n}</source>
        <translation>{n}级</translation>
    </message>
    <message>
        <source>{amount} a month</source>
        <translation>每月{amount}</translation>
    </message>
    <message>
        <source>{amount} a day</source>
        <translation>每天{amount}</translation>
    </message>
    <message>
        <source>{amount} a week</source>
        <translation>每周{amount}</translation>
    </message>
    <message>
        <source>{amount} a quarter</source>
        <translation>每季度{amount}</translation>
    </message>
    <message>
        <source>{amount} once</source>
        <translation>一次性{amount}</translation>
    </message>
    <message>
        <source>You pay {percent}% of the price</source>
        <translation>您只需付{percent}%的费用</translation>
    </message>
    <message>
        <source>Insurance pays {percent}%</source>
        <translation>保险支付{percent}%</translation>
    </message>
    <message>
        <source>{n} home care visits a week</source>
        <translation>每周上门照护{n}次</translation>
    </message>
    <message>
        <source>You are likely to qualify</source>
        <translation>您很可能符合条件</translation>
    </message>
    <message>
        <source>You may qualify: staff can check</source>
        <translation>您可能符合条件，可请工作人员核实</translation>
    </message>
    <message>
        <source>Not applied for</source>
        <translation>未申请</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>申请已收到</translation>
    </message>
    <message>
        <source>Application being checked</source>
        <translation>正在审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未获批准</translation>
    </message>
    <message>
        <source>Being paid</source>
        <translation>正在发放</translation>
    </message>
    <message>
        <source>Payments paused</source>
        <translation>暂停发放</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Status not known to this kiosk ({code}). Please ask staff.</source>
        <translation>本机无法识别这个状态（{code}），请咨询工作人员。</translation>
    </message>
    <message>
        <source>Applied on {day}</source>
        <translation>申请日期：{day}</translation>
    </message>
    <message>
        <source>Next payment: {day}</source>
        <translation>下次发放：{day}</translation>
    </message>
    <message>
        <source>Paid {amount} on {day}</source>
        <translation>{day}已发放{amount}</translation>
    </message>
    <message>
        <source>For ID number {masked}</source>
        <translation>身份证号 {masked}</translation>
    </message>
    <message>
        <source>to check allowances and subsidies you may get</source>
        <translation>用于查看您可能享受的津贴和补贴</translation>
    </message>
    <message>
        <source>Allowances and subsidies</source>
        <translation>津贴和补贴</translation>
    </message>
    <message>
        <source>What might I be entitled to?</source>
        <translation>我可以享受哪些津贴补贴？</translation>
    </message>
    <message>
        <source>My applications and payments</source>
        <translation>我的申请和发放</translation>
    </message>
    <message>
        <source>Ask a social worker to call me</source>
        <translation>请社工给我打电话</translation>
    </message>
    <message>
        <source>This kiosk has no benefit rules yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>本机还没有津贴补贴信息，需要先连接服务中心。请找工作人员。</translation>
    </message>
    <message>
        <source>From your answers we found nothing you are likely to get now. A social worker can check your situation in full.</source>
        <translation>根据您的回答，暂时没有找到您很可能享受的项目。社工可以帮您全面了解情况。</translation>
    </message>
    <message>
        <source>What you may be entitled to</source>
        <translation>您可能享受的津贴补贴</translation>
    </message>
    <message>
        <source>How to apply: {how}</source>
        <translation>如何申请：{how}</translation>
    </message>
    <message>
        <source>Bring: {documents}</source>
        <translation>请带好：{documents}</translation>
    </message>
    <message>
        <source>The amount is not yet confirmed; staff will tell you the figure.</source>
        <translation>金额还没有确定，工作人员会告诉您具体数目。</translation>
    </message>
    <message>
        <source>Asking the service centre. This takes a few seconds…</source>
        <translation>正在向服务中心查询，请稍等几秒钟……</translation>
    </message>
    <message>
        <source>The service centre cannot be reached and this kiosk has no saved answer for you. Please try again later or ask staff.</source>
        <translation>暂时联系不上服务中心，本机也没有保存您的查询结果。请稍后再试，或找工作人员。</translation>
    </message>
    <message>
        <source>The service centre cannot be reached. Showing the answer saved {age}.</source>
        <translation>暂时联系不上服务中心。下面是{age}保存的查询结果。</translation>
    </message>
    <message>
        <source>The service centre has no applications or payments for you.</source>
        <translation>服务中心没有您的申请或发放记录。</translation>
    </message>
    <message>
        <source>A social worker will call you about allowances and subsidies.</source>
        <translation>社工会就津贴和补贴的事给您打电话。</translation>
    </message>
    <message>
        <source>Ask a social worker to call you?</source>
        <translation>要请社工给您打电话吗？</translation>
    </message>
    <message>
        <source>A social worker from the service centre will call {phone} about allowances and subsidies, usually within two working days.</source>
        <translation>服务中心的社工一般会在两个工作日内打 {phone}，和您说津贴和补贴的事。</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Yes, please call me</source>
        <translation>好的，请给我打电话</translation>
    </message>
    <message>
        <source>The request could not be sent</source>
        <translation>请求没能发出</translation>
    </message>
    <message>
        <source>Please ask staff to call the service centre for you.</source>
        <translation>请工作人员帮您给服务中心打电话。</translation>
    </message>
    <message>
        <source>A social worker will call you</source>
        <translation>社工会给您打电话</translation>
    </message>
    <message>
        <source>We will call {phone}, usually within two working days.</source>
        <translation>我们一般会在两个工作日内打 {phone} 联系您。</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your request is saved and will be sent as soon as the connection is back.</source>
        <translation>本机暂时离线。您的请求已保存，联网后会马上发送。</translation>
    </message>
    <message>
        <source>Please ask staff</source>
        <translation>请咨询工作人员</translation>
    </message>
</context>
<context>
    <name>BottomBar</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>说话</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再听一遍</translation>
    </message>
    <message>
        <source>● Listening… please speak now</source>
        <translation>● 正在听…请说话</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Page {current} of {pages}</source>
        <translation>第 {current} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>More ▶</source>
        <translation>下一页 ▶</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <source>This service is coming soon. If you need help with it today, please ask a member of staff.</source>
        <translation>这项服务即将开通。今天如需办理，请找工作人员帮忙。</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <source>Emergency call</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <source>This kiosk cannot call for help yet. If you need help now, call 120 or ask a member of staff.</source>
        <translation>本机暂时还不能呼叫求助。如果现在需要帮助，请拨打 120，或请工作人员帮忙。</translation>
    </message>
    <message>
        <source>120 is the emergency ambulance number.</source>
        <translation>120 是急救电话。</translation>
    </message>
    <message>
        <source>Ambulance</source>
        <extracomment>Stable English page name used by navigation, ``current_page()`` and screenshots. A text size of the page's own (staff pages), instead of the senior's choice.</extracomment>
        <translation>急救</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Fire</source>
        <extracomment>The page's content changed while it may be shown (see ``notify_content_changed``).</extracomment>
        <translation>火警</translation>
    </message>
    <message>
        <source>Cancelled. The service centre knows you are all right.</source>
        <translation>已取消。服务中心知道您没事了。</translation>
    </message>
    <message>
        <source>Cancelling. We are telling the service centre that you are all right.</source>
        <translation>正在取消，正在告诉服务中心您没事。</translation>
    </message>
    <message>
        <source>{name} at the service centre has seen your call. Help is on the way.</source>
        <translation>服务中心的{name}已经看到您的呼叫。救助人员正在赶来。</translation>
    </message>
    <message>
        <source>Your call for help is saved, but this kiosk has no service centre to send it to.</source>
        <translation>您的求助已保存，但这台一键通还没有连接服务中心。</translation>
    </message>
    <message>
        <source>We cannot reach the service centre yet. We keep trying.</source>
        <translation>暂时联系不上服务中心，我们正在继续尝试。</translation>
    </message>
    <message>
        <source>If you need help now, press the red Emergency button at the top.</source>
        <translation>如需帮助，请按上方红色的“紧急呼叫”按钮。</translation>
    </message>
    <message>
        <source>Your call for help is being sent. Please stay where you are.</source>
        <translation>正在发送您的求助，请留在原地。</translation>
    </message>
    <message>
        <source>The service centre has your call for help. Please stay where you are.</source>
        <translation>服务中心已收到您的求助，请留在原地。</translation>
    </message>
    <message>
        <source>An operator has seen your call. Help is on the way.</source>
        <translation>值班员已经看到您的呼叫。救助人员正在赶来。</translation>
    </message>
    <message>
        <source>The service centre has finished with your call for help.</source>
        <translation>服务中心已处理完您的求助。</translation>
    </message>
    <message>
        <source>Call for help sent</source>
        <translation>求助已发出</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>Received by the service centre</source>
        <translation>服务中心已收到</translation>
    </message>
    <message>
        <source>Seen by {name}</source>
        <translation>{name}已看到</translation>
    </message>
    <message>
        <source>Seen by an operator</source>
        <translation>值班员已看到</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已处理完毕</translation>
    </message>
    <message>
        <source>Help is on the way</source>
        <translation>救助人员正在赶来</translation>
    </message>
    <message>
        <source>If this kiosk cannot reach anyone, call:</source>
        <translation>如果这台一键通联系不上任何人，请拨打：</translation>
    </message>
    <message>
        <source>Please call one of these numbers now, or ask anyone nearby for help:</source>
        <translation>请马上拨打下面的电话，或请身边的人帮忙：</translation>
    </message>
    <message>
        <source>If you can, call one of these numbers, or ask anyone nearby for help:</source>
        <translation>如果可以，请拨打下面的电话，或请身边的人帮忙：</translation>
    </message>
    <message>
        <source>Phoning the service centre ...</source>
        <translation>正在给服务中心打电话……</translation>
    </message>
    <message>
        <source>On the phone with the service centre. Speak now.</source>
        <translation>已接通服务中心，请说话。</translation>
    </message>
    <message>
        <source>The phone call has ended.</source>
        <translation>通话已结束。</translation>
    </message>
    <message>
        <source>The phone call could not be made. Your call for help goes on without it.</source>
        <translation>电话没有打通。您的求助仍在继续发送。</translation>
    </message>
    <message>
        <source>DRILL - practice only. Staff: please check this kiosk.</source>
        <translation>演练——仅为练习。工作人员请查看这台一键通。</translation>
    </message>
    <message>
        <source>EMERGENCY - staff: please come to this kiosk now.</source>
        <translation>紧急求助——请工作人员马上到这台一键通来。</translation>
    </message>
    <message>
        <source>Emergency drill (practice)</source>
        <translation>紧急呼叫演练（练习）</translation>
    </message>
    <message>
        <source>Calling for help</source>
        <translation>正在呼叫帮助</translation>
    </message>
    <message>
        <source>Cancel - I am all right ({seconds})</source>
        <translation>取消——我没事（{seconds}）</translation>
    </message>
    <message>
        <source>Done - back to the start</source>
        <translation>完成，回到首页</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>This kiosk's storage is full, so nothing was saved. Please ask staff.</source>
        <translation>本机存储空间已满，没有保存任何内容。请找工作人员。</translation>
    </message>
    <message>
        <source>This kiosk cannot read or save its data. Please ask staff.</source>
        <translation>本机无法读取或保存数据。请找工作人员。</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. Nothing was sent. Please try again.</source>
        <translation>本机出了问题，没有发送任何内容。请再试一次。</translation>
    </message>
    <message>
        <source>Offline: showing saved information from {age}.</source>
        <translation>暂时离线：显示的是{age}保存的信息。</translation>
    </message>
    <message>
        <source>Information from {age}.</source>
        <translation>信息更新于{age}。</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your request will be saved and sent as soon as the connection is back; until then it waits for confirmation.</source>
        <translation>本机暂时离线。您的申请会先保存，联网后马上发送；在此之前显示为等待确认。</translation>
    </message>
    <message>
        <source>This kiosk cannot save anything just now, so nothing was sent. Please ask staff.</source>
        <translation>本机现在无法保存任何内容，所以没有发送。请找工作人员。</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>{weekday} {day} {month}</source>
        <translation>{month}{day}日 {weekday}</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>今天 {date}</translation>
    </message>
    <message>
        <source>Tomorrow, {date}</source>
        <translation>明天 {date}</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount}元</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n}分钟前</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n}小时前</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n}天前</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Yijiantong</source>
        <translation>一键通</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <source>Connected to the service centre</source>
        <translation>已连接服务中心</translation>
    </message>
    <message>
        <source>Offline: your requests are kept and sent later</source>
        <translation>暂时离线：您的请求已保存，稍后自动发送</translation>
    </message>
    <message>
        <source>Not connected: please tell a member of staff</source>
        <translation>未连接：请告诉工作人员</translation>
    </message>
    <message>
        <source>New requests cannot be saved: please ask staff</source>
        <translation>暂时不能保存新的申请，请找工作人员</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Doctor</source>
        <translation>就医预约</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>助餐</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>补贴查询</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <source>Hello. What do you need today?</source>
        <translation>您好！今天需要办什么？</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
</context>
<context>
    <name>Identify</name>
    <message>
        <source>An ID number has 18 characters; you have entered {count}.</source>
        <translation>身份证号码有 18 位，您输入了 {count} 位。</translation>
    </message>
    <message>
        <source>Only digits and a final X are allowed.</source>
        <translation>只能输入数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>The first six digits are not a valid region code — please check them.</source>
        <translation>前六位不是有效的地区代码，请检查。</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is not a real date — please check them.</source>
        <translation>号码中的出生日期（第 7 到 14 位）不是真实的日期，请检查。</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is in the future — please check them.</source>
        <translation>号码中的出生日期（第 7 到 14 位）在今天之后，请检查。</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is too long ago — please check them.</source>
        <translation>号码中的出生日期（第 7 到 14 位）太早了，请检查。</translation>
    </message>
    <message>
        <source>The last digit does not match — please check the card.</source>
        <translation>最后一位对不上，请对照身份证检查。</translation>
    </message>
    <message>
        <source>Please enter your ID card number</source>
        <translation>请输入您的身份证号码</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已清空</translation>
    </message>
    <message>
        <source>The number is complete. Press OK, or press Delete to correct it.</source>
        <translation>号码已经输完了。请按“确定”，或按“删除”修改。</translation>
    </message>
    <message>
        <source>X can only be the last of the 18 characters.</source>
        <translation>X 只能是第 18 位，也就是最后一位。</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Card read.</source>
        <translation>读卡成功。</translation>
    </message>
    <message>
        <source>Please type your ID card number first, or hold your card to the reader.</source>
        <translation>请先输入身份证号码，或把卡放到读卡器上。</translation>
    </message>
    <message>
        <source>Thank you. Your ID card number is correct.</source>
        <translation>谢谢，您的身份证号码正确。</translation>
    </message>
    <message>
        <source>Digits entered: {count} / 18</source>
        <translation>已输入：{count} / 18 位</translation>
    </message>
    <message>
        <source>Type the number on the keypad and press OK, or hold your card to the card reader.</source>
        <translation>请按数字键输入，再按“确定”。或把身份证、社保卡放在读卡器上。</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>您还在使用吗？</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续使用</translation>
    </message>
    <message>
        <source>To protect your privacy, this screen will soon go back to the start. Press Continue if you are still here. Seconds left:</source>
        <translation>为保护您的隐私，本屏幕即将回到首页。如果您还在使用，请按“继续使用”。剩余秒数：</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Yijiantong</source>
        <translation>一键通</translation>
    </message>
</context>
<context>
    <name>Meals</name>
    <message>
        <source>Low salt</source>
        <translation>低盐</translation>
    </message>
    <message>
        <source>Low sugar</source>
        <translation>低糖</translation>
    </message>
    <message>
        <source>Soft</source>
        <translation>软烂</translation>
    </message>
    <message>
        <source>Vegetarian</source>
        <translation>素食</translation>
    </message>
    <message>
        <source>Halal</source>
        <translation>清真</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>晚餐</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>Collect it at the canteen</source>
        <translation>到食堂取餐（自取）</translation>
    </message>
    <message>
        <source>Deliver it to my home</source>
        <translation>送餐上门</translation>
    </message>
    <message>
        <source>Eat at the canteen</source>
        <translation>在食堂吃（堂食）</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <source>Order received</source>
        <translation>已接单</translation>
    </message>
    <message>
        <source>Being prepared</source>
        <translation>正在制作</translation>
    </message>
    <message>
        <source>On its way to you</source>
        <translation>正在配送</translation>
    </message>
    <message>
        <source>Ready to collect</source>
        <translation>可以取餐</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Cancellation sent</source>
        <translation>取消申请已发出</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Could not be ordered</source>
        <translation>未能订餐</translation>
    </message>
    <message>
        <source>Ordering for this meal has closed for today.</source>
        <translation>这一餐今天的订餐已经截止。</translation>
    </message>
    <message>
        <source>The canteen no longer offers this meal.</source>
        <translation>食堂已不再提供这份餐。</translation>
    </message>
    <message>
        <source>The price of this meal has changed.</source>
        <translation>这份餐的价格有变化。</translation>
    </message>
    <message>
        <source>This meal is sold out.</source>
        <translation>这份餐已经卖完了。</translation>
    </message>
    <message>
        <source>The canteen does not offer this way of getting the meal.</source>
        <translation>食堂不提供这种用餐方式。</translation>
    </message>
    <message>
        <source>Home delivery from this canteen is for older residents only.</source>
        <translation>这家食堂的送餐上门只面向老年人。</translation>
    </message>
    <message>
        <source>It is too late to cancel this order.</source>
        <translation>现在取消这份订餐已经太晚了。</translation>
    </message>
    <message>
        <source>The service centre could not accept this order.</source>
        <translation>服务中心无法受理这份订餐。</translation>
    </message>
    <message>
        <source>Today's dinner</source>
        <translation>今天晚餐</translation>
    </message>
    <message>
        <source>Today's lunch</source>
        <translation>今天午餐</translation>
    </message>
    <message>
        <source>Tomorrow's dinner</source>
        <translation>明天晚餐</translation>
    </message>
    <message>
        <source>Tomorrow's lunch</source>
        <translation>明天午餐</translation>
    </message>
    <message>
        <source>{day}, {meal}</source>
        <translation>{day} {meal}</translation>
    </message>
    <message>
        <source>Ordering closed at {time}</source>
        <translation>订餐已于{time}截止</translation>
    </message>
    <message>
        <source>Price: {amount}</source>
        <translation>价格：{amount}</translation>
    </message>
    <message>
        <source>Senior discount (you pay {percent}%): −{amount}</source>
        <translation>老年人优惠（您付{percent}%）：−{amount}</translation>
    </message>
    <message>
        <source>Daily meal subsidy: −{amount}</source>
        <translation>每日助餐补贴：−{amount}</translation>
    </message>
    <message>
        <source>You pay: {amount}</source>
        <translation>您需支付：{amount}</translation>
    </message>
    <message>
        <source>A daily subsidy may lower this at the counter when your card is checked.</source>
        <translation>在窗口刷卡核对后，每日助餐补贴可能让价格再低一些。</translation>
    </message>
    <message>
        <source>Order or cancel by {time} on the day of the meal.</source>
        <translation>请在用餐当天{time}前订餐或取消。</translation>
    </message>
    <message>
        <source>Ordering for ID number {masked}</source>
        <translation>为身份证号 {masked} 订餐</translation>
    </message>
    <message>
        <source>to order a meal or check an order</source>
        <translation>用于订餐或查看订单</translation>
    </message>
    <message>
        <source>This kiosk has no canteen information yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>本机还没有食堂信息，需要先连接服务中心。请找工作人员。</translation>
    </message>
    <message>
        <source>Which canteen?</source>
        <translation>选哪家食堂？</translation>
    </message>
    <message>
        <source>My meal orders</source>
        <translation>我的订餐</translation>
    </message>
    <message>
        <source>This canteen has no meals on its menu for today or tomorrow.</source>
        <translation>这家食堂今天和明天都没有可订的餐。</translation>
    </message>
    <message>
        <source>Which meal?</source>
        <translation>选哪份餐？</translation>
    </message>
    <message>
        <source>How would you like your meal?</source>
        <translation>您想怎么用餐？</translation>
    </message>
    <message>
        <source>The price has changed since the menu was shown. Please check it again.</source>
        <translation>价格刚刚有变化，请再核对一下。</translation>
    </message>
    <message>
        <source>Please check your order</source>
        <translation>请核对您的订餐</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Order this meal</source>
        <translation>确认订餐</translation>
    </message>
    <message>
        <source>The meal could not be ordered</source>
        <translation>这份餐没能订上</translation>
    </message>
    <message>
        <source>Your meal is ordered</source>
        <translation>订餐成功</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your order is saved and will be sent as soon as the connection is back. The order number appears here then.</source>
        <translation>本机暂时离线。您的订餐已保存，联网后会马上发送，到时订单号会显示在这里。</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>You have no meal orders at this kiosk.</source>
        <translation>您在本机没有订餐记录。</translation>
    </message>
    <message>
        <source>Cancel this order</source>
        <translation>取消这份订餐</translation>
    </message>
    <message>
        <source>Cancel this meal order?</source>
        <translation>要取消这份订餐吗？</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>确定取消</translation>
    </message>
    <message>
        <source>An earlier order could not be placed</source>
        <translation>之前有一份订餐没能订上</translation>
    </message>
    <message>
        <source>Choose a meal</source>
        <translation>去选餐</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <source>A mobile number has 11 digits; a Shanghai landline has 8. Please check.</source>
        <translation>手机号是11位，上海固定电话是8位。请检查一下。</translation>
    </message>
    <message>
        <source>Please type digits only.</source>
        <translation>请只输入数字。</translation>
    </message>
    <message>
        <source>That is a service number. Please give a number we can call you on.</source>
        <translation>这是服务号码。请留一个我们能打给您的号码。</translation>
    </message>
    <message>
        <source>Please give a mobile number or a Shanghai landline.</source>
        <translation>请留手机号或上海的固定电话。</translation>
    </message>
    <message>
        <source>This does not look like a phone number. Please check it.</source>
        <translation>这好像不是电话号码，请检查一下。</translation>
    </message>
    <message>
        <source>Which phone number should we call?</source>
        <translation>我们打哪个电话找您？</translation>
    </message>
    <message>
        <source>The number is complete. Press OK, or press Delete to correct it.</source>
        <translation>号码已输完。请按“确定”；要修改请按“删除”。</translation>
    </message>
    <message>
        <source>Please type your phone number first.</source>
        <translation>请先输入您的电话号码。</translation>
    </message>
    <message>
        <source>Thank you. We will call this number.</source>
        <translation>谢谢，我们会打这个号码找您。</translation>
    </message>
    <message>
        <source>Type your mobile or home phone number and press OK.</source>
        <translation>请输入手机号或家里的电话，然后按“确定”。</translation>
    </message>
    <message>
        <source>Digits entered: {count}</source>
        <translation>已输入：{count} 位</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>The printer is not available. Please write down the number.</source>
        <translation>打印机不可用，请把预约号记下来。</translation>
    </message>
    <message>
        <source>Your slip is printing. Please take it from the printer.</source>
        <translation>正在打印预约单，请从打印机取走。</translation>
    </message>
    <message>
        <source>Appointment slip</source>
        <translation>就医预约单</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <source>Sorry, please say it again or touch the screen.</source>
        <translation>对不起，请再说一遍，或者点屏幕。</translation>
    </message>
    <message>
        <source>No microphone found. Voice input is off; the touch screen still works.</source>
        <translation>没有找到麦克风。语音输入已关闭，触摸屏照常可用。</translation>
    </message>
    <message>
        <source>Voice input is not available in this language on this kiosk. Please touch the screen.</source>
        <translation>本机暂不支持用这种语言语音输入。请点屏幕。</translation>
    </message>
    <message>
        <source>No speaker found, so nothing can be read aloud. Please read the screen.</source>
        <translation>没有找到扬声器，无法朗读。请看屏幕上的文字。</translation>
    </message>
</context>
</TS>