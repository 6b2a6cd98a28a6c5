<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Booked at this kiosk. Choose one to see it or cancel it.</source>
        <translation>在本机预约的记录。点一条可以查看或取消。</translation>
    </message>
    <message>
        <source>You have no upcoming appointments booked here.</source>
        <translation>您在本机没有待就诊的预约。</translation>
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
</context>
<context>
    <name>Home</name>
    <message>
        <source>Doctor</source>
        <extracomment>Stable English page name used by navigation, ``current_page()`` and screenshots.</extracomment>
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
        <source>Voice is not set up on this kiosk yet. Please read the screen.</source>
        <translation>本机的语音功能还没有设置好，请看屏幕上的文字。</translation>
    </message>
</context>
</TS>