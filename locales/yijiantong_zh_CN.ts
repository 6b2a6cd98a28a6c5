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
        <extracomment>What every personal number ``services.identity.redact`` masks is made of: at least ``MIN_REDACTED_DIGITS`` decimal digits (a Shanghai landline, ``21`` + 8 digits, is the</extracomment>
        <translation>这个时间的最后一个名额已被别人预约。</translation>
    </message>
    <message>
        <source>This time is no longer offered by the hospital.</source>
        <extracomment>shortest) and nothing but digits and ``NUMBER_PUNCTUATION``. Text without such a run cannot hold one. tests/unit/kiosk/test_logs.py checks both against the pattern.</extracomment>
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
        <source>Voice is not set up on this kiosk yet. Please read the screen.</source>
        <translation>本机的语音功能还没有设置好，请看屏幕上的文字。</translation>
    </message>
</context>
</TS>