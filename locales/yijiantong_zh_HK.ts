<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_HK" sourcelanguage="en">
<context>
    <name>Appointments</name>
    <message>
        <source>Waiting for confirmation</source>
        <translation>等待確認</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已預約</translation>
    </message>
    <message>
        <source>Could not be booked</source>
        <translation>未能預約</translation>
    </message>
    <message>
        <source>Cancellation sent</source>
        <translation>取消申請已發出</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Someone else took the last place at this time.</source>
        <translation>這個時間的最後一個名額已被別人預約。</translation>
    </message>
    <message>
        <source>This time is no longer offered by the hospital.</source>
        <translation>醫院已不再提供這個時間。</translation>
    </message>
    <message>
        <source>Booking for this time has closed.</source>
        <translation>這個時間的預約已經截止。</translation>
    </message>
    <message>
        <source>This day cannot be booked yet.</source>
        <translation>這一天暫時還不能預約。</translation>
    </message>
    <message>
        <source>You already have an appointment in this department on this day.</source>
        <translation>您這一天在這個科室已經有預約了。</translation>
    </message>
    <message>
        <source>It is too late to cancel this appointment.</source>
        <translation>現在取消這個預約已經太遲了。</translation>
    </message>
    <message>
        <source>The hospital has no record of this booking.</source>
        <translation>醫院沒有這個預約的記錄。</translation>
    </message>
    <message>
        <source>The service centre could not accept this request.</source>
        <translation>服務中心無法受理這個申請。</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已約滿</translation>
    </message>
    <message>
        <source>Places left: {n}</source>
        <translation>剩餘 {n} 個號</translation>
    </message>
    <message>
        <source>Kept for seniors</source>
        <translation>長者專用號</translation>
    </message>
    <message>
        <source>Earliest free time: {when}</source>
        <translation>最早可約：{when}</translation>
    </message>
    <message>
        <source>Fee: {amount}</source>
        <translation>掛號費 {amount}</translation>
    </message>
    <message>
        <source>For ID number {masked}</source>
        <translation>身份證號 {masked}</translation>
    </message>
    <message>
        <source>You can cancel until {when}.</source>
        <translation>您可以在 {when} 之前取消。</translation>
    </message>
    <message>
        <source>Offline: showing saved information from {age}.</source>
        <translation>暫時離線：顯示的是{age}保存的資料。</translation>
    </message>
    <message>
        <source>Information from {age}.</source>
        <translation>資料更新於{age}。</translation>
    </message>
    <message>
        <source>This kiosk's storage is full, so nothing was saved. Please ask staff.</source>
        <translation>本機儲存空間已滿，沒有保存任何內容。請找工作人員。</translation>
    </message>
    <message>
        <source>This kiosk cannot read or save its data. Please ask staff.</source>
        <translation>本機無法讀取或保存資料。請找工作人員。</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. Nothing was sent. Please try again.</source>
        <translation>本機出了問題，沒有發送任何內容。請再試一次。</translation>
    </message>
    <message>
        <source>This kiosk has no appointment information yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>本機還沒有預約資料，需要先連接服務中心。請找工作人員。</translation>
    </message>
    <message>
        <source>Booking for ID number {masked}</source>
        <translation>為身份證號 {masked} 預約</translation>
    </message>
    <message>
        <source>to book or check a doctor's appointment</source>
        <translation>用於預約或查看就醫預約</translation>
    </message>
    <message>
        <source>Which hospital?</source>
        <translation>去哪間醫院？</translation>
    </message>
    <message>
        <source>My appointments</source>
        <translation>我的預約</translation>
    </message>
    <message>
        <source>Staff: waiting bookings</source>
        <translation>工作人員：待處理預約</translation>
    </message>
    <message>
        <source>Which department?</source>
        <translation>看哪個科？</translation>
    </message>
    <message>
        <source>There are no free places in this department in the coming days.</source>
        <translation>這個科室最近幾天沒有空餘的號。</translation>
    </message>
    <message>
        <source>Which day?</source>
        <translation>哪一天？</translation>
    </message>
    <message>
        <source>Which time?</source>
        <translation>幾點鐘？</translation>
    </message>
    <message>
        <source>That time has just been taken. Please choose again.</source>
        <translation>這個時間剛剛被約走了，請重新選擇。</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your booking will be saved and sent as soon as the connection is back; until then it waits for confirmation.</source>
        <translation>本機暫時離線。您的預約會先保存，連線後馬上發送；在此之前顯示為等待確認。</translation>
    </message>
    <message>
        <source>Please check your appointment</source>
        <translation>請核對您的預約</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Book this appointment</source>
        <translation>確認預約</translation>
    </message>
    <message>
        <source>This time could not be booked</source>
        <translation>這個時間沒能約上</translation>
    </message>
    <message>
        <source>Choose another time</source>
        <translation>換一個時間</translation>
    </message>
    <message>
        <source>Print a slip</source>
        <translation>列印預約單</translation>
    </message>
    <message>
        <source>Your appointment is booked</source>
        <translation>預約成功</translation>
    </message>
    <message>
        <source>Please bring your ID card.</source>
        <translation>就診時請帶好身份證。</translation>
    </message>
    <message>
        <source>Nearest free times:</source>
        <translation>最接近的空餘時間：</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your booking is saved and will be sent when the connection is back. You can check it under My appointments.</source>
        <translation>本機暫時離線。您的預約已保存，連線後會自動發送。可以在「我的預約」裏查看。</translation>
    </message>
    <message>
        <source>Your booking has been sent. The booking number appears here when the hospital confirms it.</source>
        <translation>您的預約已發出。醫院確認後，預約號會顯示在這裏。</translation>
    </message>
    <message>
        <source>Booked at this kiosk. Choose one to see it or cancel it.</source>
        <translation>在本機預約的記錄。按一條可以查看或取消。</translation>
    </message>
    <message>
        <source>You have no upcoming appointments booked here.</source>
        <translation>您在本機沒有待就診的預約。</translation>
    </message>
    <message>
        <source>Cancel this appointment</source>
        <translation>取消這個預約</translation>
    </message>
    <message>
        <source>The time to cancel has passed. To change it, please call the hospital: {phone}.</source>
        <translation>已經過了可以取消的時間。如需更改，請致電醫院：{phone}。</translation>
    </message>
    <message>
        <source>Cancel this appointment?</source>
        <translation>要取消這個預約嗎？</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>確定取消</translation>
    </message>
    <message>
        <source>Your cancellation has been sent.</source>
        <translation>取消申請已發出。</translation>
    </message>
    <message>
        <source>A booking could not be made</source>
        <translation>有一個預約沒能約上</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>……還有 {n} 條。</translation>
    </message>
    <message>
        <source>Waiting and refused bookings</source>
        <translation>待確認和未成功的預約</translation>
    </message>
    <message>
        <source>For staff: bookings not yet confirmed by the service centre, and refused ones the senior has not seen yet.</source>
        <translation>供工作人員查看：服務中心尚未確認的預約，以及長者還沒看到的未成功預約。</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>沒有待處理的預約。</translation>
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
        <translation>主頁</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>說話</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再聽一次</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Page {current} of {pages}</source>
        <translation>第 {current} 頁，共 {pages} 頁</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一頁</translation>
    </message>
    <message>
        <source>More ▶</source>
        <translation>下一頁 ▶</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <source>This service is coming soon. If you need help with it today, please ask a member of staff.</source>
        <translation>這項服務即將開通。今天如需辦理，請找職員幫忙。</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <source>Emergency call</source>
        <translation>緊急呼叫</translation>
    </message>
    <message>
        <source>This kiosk cannot call for help yet. If you need help now, call 120 or ask a member of staff.</source>
        <translation>本機暫時還不能呼叫求助。如果現在需要幫助，請撥打 120，或請職員幫忙。</translation>
    </message>
    <message>
        <source>120 is the emergency ambulance number.</source>
        <translation>120 是急救電話。</translation>
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
        <translation>剛剛</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n}分鐘前</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n}小時前</translation>
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
        <translation>一鍵通</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>緊急呼叫</translation>
    </message>
    <message>
        <source>Connected to the service centre</source>
        <translation>已連接服務中心</translation>
    </message>
    <message>
        <source>Offline: your requests are kept and sent later</source>
        <translation>暫時離線：您的請求已保存，稍後自動發送</translation>
    </message>
    <message>
        <source>Not connected: please tell a member of staff</source>
        <translation>未連接：請告訴職員</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Doctor</source>
        <extracomment>Stable English page name used by navigation, ``current_page()`` and screenshots.</extracomment>
        <translation>就醫預約</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>助餐</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>津貼查詢</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>緊急呼叫</translation>
    </message>
    <message>
        <source>Hello. What do you need today?</source>
        <translation>您好！今天需要辦甚麼？</translation>
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
        <translation>身份證號碼有 18 位，您輸入了 {count} 位。</translation>
    </message>
    <message>
        <source>Only digits and a final X are allowed.</source>
        <translation>只能輸入數字，最後一位可以是 X。</translation>
    </message>
    <message>
        <source>The first six digits are not a valid region code — please check them.</source>
        <translation>前六位不是有效的地區代碼，請檢查。</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is not a real date — please check them.</source>
        <translation>號碼中的出生日期（第 7 至 14 位）不是真實的日期，請檢查。</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is in the future — please check them.</source>
        <translation>號碼中的出生日期（第 7 至 14 位）在今天之後，請檢查。</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is too long ago — please check them.</source>
        <translation>號碼中的出生日期（第 7 至 14 位）太早了，請檢查。</translation>
    </message>
    <message>
        <source>The last digit does not match — please check the card.</source>
        <translation>最後一位對不上，請對照身份證檢查。</translation>
    </message>
    <message>
        <source>Please enter your ID card number</source>
        <translation>請輸入您的身份證號碼</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已清空</translation>
    </message>
    <message>
        <source>The number is complete. Press OK, or press Delete to correct it.</source>
        <translation>號碼已經輸完了。請按「確定」，或按「刪除」修改。</translation>
    </message>
    <message>
        <source>X can only be the last of the 18 characters.</source>
        <translation>X 只能是第 18 位，即是最後一位。</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <source>Card read.</source>
        <translation>讀卡成功。</translation>
    </message>
    <message>
        <source>Please type your ID card number first, or hold your card to the reader.</source>
        <translation>請先輸入身份證號碼，或把卡放在讀卡器上。</translation>
    </message>
    <message>
        <source>Thank you. Your ID card number is correct.</source>
        <translation>謝謝，您的身份證號碼正確。</translation>
    </message>
    <message>
        <source>Digits entered: {count} / 18</source>
        <translation>已輸入：{count} / 18 位</translation>
    </message>
    <message>
        <source>Type the number on the keypad and press OK, or hold your card to the card reader.</source>
        <translation>請按數字鍵輸入，再按「確定」。或把身份證、社保卡放在讀卡器上。</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>您還在使用嗎？</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>繼續使用</translation>
    </message>
    <message>
        <source>To protect your privacy, this screen will soon go back to the start. Press Continue if you are still here. Seconds left:</source>
        <translation>為保護您的私隱，本螢幕即將回到主頁。如果您還在使用，請按「繼續使用」。剩餘秒數：</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>確定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Yijiantong</source>
        <translation>一鍵通</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>The printer is not available. Please write down the number.</source>
        <translation>打印機不可用，請把預約號記下來。</translation>
    </message>
    <message>
        <source>Your slip is printing. Please take it from the printer.</source>
        <translation>正在列印預約單，請從打印機取走。</translation>
    </message>
    <message>
        <source>Appointment slip</source>
        <translation>就醫預約單</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <source>Voice is not set up on this kiosk yet. Please read the screen.</source>
        <translation>本機的語音功能還沒有設定好，請看螢幕上的文字。</translation>
    </message>
</context>
</TS>