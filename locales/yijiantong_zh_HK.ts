<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_HK" sourcelanguage="en">
<context>
    <name>Admin</name>
    <message>
        <source>This did not work: {reason}</source>
        <extracomment>What every personal number ``services.identity.redact`` masks is made of: at least ``MIN_REDACTED_DIGITS`` decimal digits (a Shanghai landline, ``21`` + 8 digits, is the shortest) and nothing but digits and ``NUMBER_PUNCTUATION``. Text without such a run cannot hold one. tests/unit/kiosk/test_logs.py checks both against the pattern.</extracomment>
        <translation>操作未成功：{reason}</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>工作人員登入</translation>
    </message>
    <message>
        <source>Enter the admin PIN, or a helper PIN, or swipe a helper badge.</source>
        <translation>請輸入管理員密碼，或協助員密碼，或拍協助員員工證。</translation>
    </message>
    <message>
        <source>Set the admin PIN</source>
        <translation>設定管理員密碼</translation>
    </message>
    <message>
        <source>No admin PIN is set yet. Choose a PIN of 4 to 12 digits.</source>
        <translation>尚未設定管理員密碼。請設定 4 至 12 位數字的密碼。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait {minutes} min {seconds} s.</source>
        <translation>密碼錯誤次數太多。請等候 {minutes} 分 {seconds} 秒。</translation>
    </message>
    <message>
        <source>That PIN is not right. {left} tries left before a wait.</source>
        <translation>密碼不正確。再錯 {left} 次後需要等候。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits. Please choose again.</source>
        <translation>密碼為 4 至 12 位數字。請重新設定。</translation>
    </message>
    <message>
        <source>Enter the same PIN again to confirm.</source>
        <translation>請再輸入一次相同的密碼以確認。</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 12 digits.</source>
        <translation>請設定 4 至 12 位數字的密碼。</translation>
    </message>
    <message>
        <source>The two PINs were different. Please start again.</source>
        <translation>兩次輸入的密碼不一樣。請重新開始。</translation>
    </message>
    <message>
        <source>That is not a web address. It must start with http:// or https://.</source>
        <translation>這不是網址。網址必須以 http:// 或 https:// 開頭。</translation>
    </message>
    <message>
        <source>Not changed: {problem}</source>
        <translation>未更改：{problem}</translation>
    </message>
    <message>
        <source>In use now, but it could not be saved for the next start: {reason}</source>
        <translation>已生效，但無法儲存至下次啟動：{reason}</translation>
    </message>
    <message>
        <source>Helper added.</source>
        <translation>已新增協助員。</translation>
    </message>
    <message>
        <source>Helper removed.</source>
        <translation>已刪除協助員。</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>協助員：{name}</translation>
    </message>
    <message>
        <source>Please give the helper a name (up to 40 characters).</source>
        <translation>請填寫協助員姓名（最多 40 個字）。</translation>
    </message>
    <message>
        <source>Please give a PIN or a badge number (or both).</source>
        <translation>請填寫密碼或員工證號碼（或兩者都填）。</translation>
    </message>
    <message>
        <source>A PIN has digits only.</source>
        <translation>密碼只能是數字。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>密碼為 4 至 12 位數字。</translation>
    </message>
    <message>
        <source>A badge number has 4 to 32 letters or digits.</source>
        <translation>員工證號碼為 4 至 32 位字母或數字。</translation>
    </message>
    <message>
        <source>There is already a helper with that name.</source>
        <translation>已有同名的協助員。</translation>
    </message>
    <message>
        <source>No helper accounts yet.</source>
        <translation>尚未有協助員帳號。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>員工證</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Helper accounts</source>
        <translation>協助員帳號</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>協助員</translation>
    </message>
    <message>
        <source>Add a helper</source>
        <translation>新增協助員</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits)</source>
        <translation>密碼（4 至 12 位數字）</translation>
    </message>
    <message>
        <source>Badge number (or swipe the badge here)</source>
        <translation>員工證號碼（或在此拍員工證）</translation>
    </message>
    <message>
        <source>Add helper</source>
        <translation>新增協助員</translation>
    </message>
    <message>
        <source>Display and language</source>
        <translation>顯示及語言</translation>
    </message>
    <message>
        <source>Speech and microphone</source>
        <translation>語音及咪高峰</translation>
    </message>
    <message>
        <source>Services and order</source>
        <translation>服務及次序</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>使用時段</translation>
    </message>
    <message>
        <source>Kiosk name and hub</source>
        <translation>終端名稱及服務中心</translation>
    </message>
    <message>
        <source>Emergency and phone</source>
        <translation>緊急呼叫及電話</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>維護</translation>
    </message>
    <message>
        <source>Admin: settings and status</source>
        <translation>管理：設定及狀態</translation>
    </message>
    <message>
        <source>Close the admin screen</source>
        <translation>關閉管理介面</translation>
    </message>
    <message>
        <source>{count} digits entered</source>
        <translation>已輸入 {count} 位</translation>
    </message>
    <message>
        <source>Saved and in use now.</source>
        <translation>已儲存並生效。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>減少</translation>
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
        <translation>從未</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>預約</translation>
    </message>
    <message>
        <source>Meal orders</source>
        <translation>訂餐</translation>
    </message>
    <message>
        <source>Benefit checks</source>
        <translation>津貼查詢</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>緊急呼叫</translation>
    </message>
    <message>
        <source>Enrol with a service hub</source>
        <translation>連接服務中心（登記）</translation>
    </message>
    <message>
        <source>Hub address (http:// or https://)</source>
        <translation>服務中心網址（http:// 或 https://）</translation>
    </message>
    <message>
        <source>One-time code from the hub</source>
        <translation>服務中心提供的一次性登記碼</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登記</translation>
    </message>
    <message>
        <source>Please type the one-time code from the hub.</source>
        <translation>請輸入服務中心提供的一次性登記碼。</translation>
    </message>
    <message>
        <source>Contacting the hub…</source>
        <translation>正在聯絡服務中心…</translation>
    </message>
    <message>
        <source>Cannot reach the hub at {url}. Check the address and the network. Nothing was changed.</source>
        <translation>無法連接服務中心 {url}。請檢查網址及網絡。設定沒有改變。</translation>
    </message>
    <message>
        <source>The hub did not accept that code (wrong, used or expired). Ask for a new code. Nothing was changed.</source>
        <translation>服務中心不接受此登記碼（錯誤、已用或過期）。請索取新的登記碼。設定沒有改變。</translation>
    </message>
    <message>
        <source>Enrolment failed: {reason}</source>
        <translation>登記失敗：{reason}</translation>
    </message>
    <message>
        <source>Enrolled. This kiosk now sends its requests to the hub.</source>
        <translation>登記成功。本終端現在把請求傳送至服務中心。</translation>
    </message>
    <message>
        <source>Queued again; it will be sent with the next sync.</source>
        <translation>已重新排隊，下次同步時傳送。</translation>
    </message>
    <message>
        <source>That request is no longer in the list.</source>
        <translation>該請求已不在列表中。</translation>
    </message>
    <message>
        <source>Please type the full path of the model zip file first.</source>
        <translation>請先輸入模型 zip 檔案的完整路徑。</translation>
    </message>
    <message>
        <source>Not installed: {reason}. The old model (if any) is still in use.</source>
        <translation>未安裝：{reason}。原有模型（如有）仍在使用。</translation>
    </message>
    <message>
        <source>Installed: {model}</source>
        <translation>已安裝：{model}</translation>
    </message>
    <message>
        <source>Installing… this can take a minute.</source>
        <translation>正在安裝…可能需要一分鐘。</translation>
    </message>
    <message>
        <source>Speaking a test sentence…</source>
        <translation>正在播放測試語句…</translation>
    </message>
    <message>
        <source>The test sentence was played. Did you hear it?</source>
        <translation>測試語句已播放。你聽到嗎？</translation>
    </message>
    <message>
        <source>No sound could be played: check the speaker and its cable.</source>
        <translation>無法播放聲音：請檢查喇叭及連接線。</translation>
    </message>
    <message>
        <source>Listening for 2 seconds: please speak.</source>
        <translation>正在錄音 2 秒：請說話。</translation>
    </message>
    <message>
        <source>No microphone found. Voice input is off; the touch screen still works.</source>
        <translation>找不到咪高峰。語音輸入已關閉，觸控屏幕仍可使用。</translation>
    </message>
    <message>
        <source>The microphone works but heard almost nothing. Is it muted?</source>
        <translation>咪高峰正常，但幾乎收不到聲音。是否靜音了？</translation>
    </message>
    <message>
        <source>The microphone works (loudest: {level} %).</source>
        <translation>咪高峰正常（最大音量：{level} %）。</translation>
    </message>
    <message>
        <source>The emergency call is not set up on this kiosk; no drill.</source>
        <translation>本終端未設定緊急呼叫，無法演練。</translation>
    </message>
    <message>
        <source>Please type the folder to export to (e.g. /media/usb).</source>
        <translation>請輸入匯出資料夾（例如 /media/usb）。</translation>
    </message>
    <message>
        <source>Exported to {file}</source>
        <translation>已匯出至 {file}</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: it is read-only.</source>
        <translation>無法寫入 {folder}：該位置為唯讀。</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: it is full.</source>
        <translation>無法寫入 {folder}：空間已滿。</translation>
    </message>
    <message>
        <source>There is no folder {folder}. Is the USB stick plugged in?</source>
        <translation>沒有資料夾 {folder}。USB 手指插好了嗎？</translation>
    </message>
    <message>
        <source>Export to {folder} failed.</source>
        <translation>匯出至 {folder} 失敗。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>Removed {requests} old requests and {answers} saved answers. {queued} requests still waiting to be sent were kept.</source>
        <translation>已刪除 {requests} 項舊請求及 {answers} 項儲存的查詢結果。保留了 {queued} 項尚未傳送的請求。</translation>
    </message>
    <message>
        <source>Removing personal data…</source>
        <translation>正在刪除個人資料…</translation>
    </message>
    <message>
        <source>Speaker and microphone</source>
        <translation>喇叭及咪高峰</translation>
    </message>
    <message>
        <source>Test the speaker</source>
        <translation>測試喇叭</translation>
    </message>
    <message>
        <source>Test the microphone (2 seconds)</source>
        <translation>測試咪高峰（2 秒）</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>咪高峰音量</translation>
    </message>
    <message>
        <source>Emergency drill (nobody is sent)</source>
        <translation>緊急呼叫演練（不會派人）</translation>
    </message>
    <message>
        <source>Start a drill</source>
        <translation>開始演練</translation>
    </message>
    <message>
        <source>Export logs and diagnostics</source>
        <translation>匯出記錄及診斷資料</translation>
    </message>
    <message>
        <source>Folder to write to (e.g. the USB stick):</source>
        <translation>匯出至的資料夾（例如 USB 手指）：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>刪除個人資料</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Fewer days</source>
        <translation>減少日數</translation>
    </message>
    <message>
        <source>More days</source>
        <translation>增加日數</translation>
    </message>
    <message>
        <source>Remove data older than {days} days</source>
        <translation>刪除 {days} 天前的資料</translation>
    </message>
    <message>
        <source>Tap again to remove everything now</source>
        <translation>再按一次，立即全部刪除</translation>
    </message>
    <message>
        <source>Remove all personal data now</source>
        <translation>立即刪除全部個人資料</translation>
    </message>
    <message>
        <source>Not enrolled with a service hub.</source>
        <translation>尚未登記至服務中心。</translation>
    </message>
    <message>
        <source>Connection: not known yet.</source>
        <translation>連接狀態：暫時未知。</translation>
    </message>
    <message>
        <source>Online.</source>
        <translation>已連線。</translation>
    </message>
    <message>
        <source>Offline.</source>
        <translation>未連線。</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>上次成功同步：{when}</translation>
    </message>
    <message>
        <source>Requests waiting to be sent: {count}</source>
        <translation>等待傳送的請求：{count}</translation>
    </message>
    <message>
        <source>Last problem: {error}</source>
        <translation>最近的問題：{error}</translation>
    </message>
    <message>
        <source>No rejected requests.</source>
        <translation>沒有被拒絕的請求。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新傳送</translation>
    </message>
    <message>
        <source>No alarms.</source>
        <translation>沒有緊急呼叫記錄。</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>演練</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>未知。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Connection and sync</source>
        <translation>連接及同步</translation>
    </message>
    <message>
        <source>Rejected requests</source>
        <translation>被拒絕的請求</translation>
    </message>
    <message>
        <source>Alarm history</source>
        <translation>緊急呼叫記錄</translation>
    </message>
    <message>
        <source>Speech recognition models</source>
        <translation>語音識別模型</translation>
    </message>
    <message>
        <source>Install a model from a zip file (full path):</source>
        <translation>從 zip 檔案安裝模型（完整路徑）：</translation>
    </message>
    <message>
        <source>Install for {language}</source>
        <translation>安裝{language}模型</translation>
    </message>
    <message>
        <source>Use per day, last 30 days</source>
        <translation>最近 30 天每日使用量</translation>
    </message>
    <message>
        <source>The hub has had too many enrolment attempts from this kiosk. Wait {minutes} min, then try again. Nothing was changed.</source>
        <translation>本機登記嘗試次數過多，服務中心暫時不再受理。請等 {minutes} 分鐘後再試。設定沒有改變。</translation>
    </message>
    <message>
        <source>The kiosk's data file cannot be used. Bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</source>
        <translation>本機的數據檔案無法使用。預約、訂餐和設定都無法保存；緊急呼叫仍會發送到服務中心。請聯絡技術人員。</translation>
    </message>
    <message>
        <source>The data folder cannot be written (read-only or full). The kiosk shows what it has, but new bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</source>
        <translation>數據資料夾無法寫入（唯讀或已滿）。本機仍顯示已有的資料，但新的預約、訂餐和設定無法保存；緊急呼叫仍會發送到服務中心。請聯絡技術人員。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>AdminOption</name>
    <message>
        <source>Language at the start</source>
        <translation>開始時的語言</translation>
    </message>
    <message>
        <source>Text size at the start</source>
        <translation>開始時的字體大小</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全螢幕</translation>
    </message>
    <message>
        <source>Seconds without a touch before the warning</source>
        <translation>無操作多少秒後提示</translation>
    </message>
    <message>
        <source>Seconds the warning stays before the screen is cleared</source>
        <translation>提示顯示多少秒後清空屏幕</translation>
    </message>
    <message>
        <source>Service hub address</source>
        <translation>服務中心網址</translation>
    </message>
    <message>
        <source>Speak every screen</source>
        <translation>朗讀每個畫面</translation>
    </message>
    <message>
        <source>Speech speed (words per minute)</source>
        <translation>語速（每分鐘字數）</translation>
    </message>
    <message>
        <source>Volume (percent)</source>
        <translation>音量（百分比）</translation>
    </message>
    <message>
        <source>Kiosk name</source>
        <translation>終端名稱</translation>
    </message>
    <message>
        <source>Kiosk location</source>
        <translation>終端位置</translation>
    </message>
    <message>
        <source>Printer for slips</source>
        <translation>列印憑條的打印機</translation>
    </message>
    <message>
        <source>Service area (street)</source>
        <translation>服務區域（街道）</translation>
    </message>
    <message>
        <source>Services on the home screen, in order</source>
        <translation>首頁顯示的服務及次序</translation>
    </message>
    <message>
        <source>Log detail</source>
        <translation>記錄詳細程度</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>咪高峰</translation>
    </message>
    <message>
        <source>Always listen for a call for help</source>
        <translation>一直監聽求救聲</translation>
    </message>
    <message>
        <source>Numbers to call in an emergency</source>
        <translation>緊急時撥打的號碼</translation>
    </message>
    <message>
        <source>On-site alert sound</source>
        <translation>現場提示聲</translation>
    </message>
    <message>
        <source>Drill mode</source>
        <translation>演練模式</translation>
    </message>
    <message>
        <source>On</source>
        <translation>開</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>醫療預約</translation>
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
        <source>Days personal data is kept after a request is done (0: until removed)</source>
        <translation>申請辦完後個人資料保留的日數（0：直到手動刪除）</translation>
    </message>
</context>
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
    <message>
        <source>booked elsewhere</source>
        <translation>在其他地點預約</translation>
    </message>
    <message>
        <source>Bookings made at other kiosks cannot be checked right now.</source>
        <translation>現在無法查到您在其他地點的預約。</translation>
    </message>
    <message>
        <source>Bookings made at other kiosks: as known {age}.</source>
        <translation>其他地點的預約：資料更新於{age}。</translation>
    </message>
    <message>
        <source>{n} more booking(s) made elsewhere cannot be shown here; staff can look them up.</source>
        <translation>另有{n}個在其他地點的預約無法在這裡顯示，工作人員可以幫您查詢。</translation>
    </message>
    <message>
        <source>Choose one to see it or cancel it.</source>
        <translation>請選擇一個預約查看或取消。</translation>
    </message>
    <message>
        <source>You have no upcoming appointments.</source>
        <translation>您目前沒有待就診的預約。</translation>
    </message>
    <message>
        <source>Booked at another kiosk.</source>
        <translation>這是在其他地點預約的。</translation>
    </message>
</context>
<context>
    <name>Benefits</name>
    <message>
        <source>Do you have a Shanghai household registration (hukou)?</source>
        <translation>您有上海戶口嗎？</translation>
    </message>
    <message>
        <source>Some allowances and the daily meal subsidy are for Shanghai hukou holders.</source>
        <translation>部分津貼和每天的助餐補貼，只有上海戶籍才能領取。</translation>
    </message>
    <message>
        <source>Do you receive minimum living support (dibao)?</source>
        <translation>您有享受低保（最低生活保障）嗎？</translation>
    </message>
    <message>
        <source>People with dibao can get more help with meals and care.</source>
        <translation>享受低保的人，在助餐和照護方面能得到更多幫助。</translation>
    </message>
    <message>
        <source>Is your family certified as low-income?</source>
        <translation>您家是經過認定的低收入家庭嗎？</translation>
    </message>
    <message>
        <source>Low-income families can get help with the cost of care.</source>
        <translation>低收入家庭的照護費用可以得到補助。</translation>
    </message>
    <message>
        <source>Do you have employee medical insurance?</source>
        <translation>您有職工醫保嗎？</translation>
    </message>
    <message>
        <source>This is the insurance people get through their work or pension.</source>
        <translation>即是在單位工作或退休後享有的醫保。</translation>
    </message>
    <message>
        <source>Do you have resident medical insurance?</source>
        <translation>您有居民醫保嗎？</translation>
    </message>
    <message>
        <source>This is the insurance people join through the neighbourhood.</source>
        <translation>即是通過居委會或街道參加的醫保。</translation>
    </message>
    <message>
        <source>Have you had a care needs assessment?</source>
        <translation>您做過老年照護統一需求評估嗎？</translation>
    </message>
    <message>
        <source>The assessment gives a care grade from 1 to 6.</source>
        <translation>評估後會定出評估等級，由1級到6級。</translation>
    </message>
    <message>
        <source>What is your care grade?</source>
        <translation>您的評估等級是幾級？</translation>
    </message>
    <message>
        <source>It is on your assessment letter. Choose “Not sure” if you do not know.</source>
        <translation>評估結果通知書上寫有等級。如果不知道，請選「不清楚」。</translation>
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
        <translation>{n}級</translation>
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
        <translation>每週{amount}</translation>
    </message>
    <message>
        <source>{amount} a quarter</source>
        <translation>每季{amount}</translation>
    </message>
    <message>
        <source>{amount} once</source>
        <translation>一次性{amount}</translation>
    </message>
    <message>
        <source>You pay {percent}% of the price</source>
        <translation>您只需付{percent}%的費用</translation>
    </message>
    <message>
        <source>Insurance pays {percent}%</source>
        <translation>保險支付{percent}%</translation>
    </message>
    <message>
        <source>{n} home care visits a week</source>
        <translation>每週上門照護{n}次</translation>
    </message>
    <message>
        <source>You are likely to qualify</source>
        <translation>您很可能符合條件</translation>
    </message>
    <message>
        <source>You may qualify: staff can check</source>
        <translation>您可能符合條件，可請工作人員核實</translation>
    </message>
    <message>
        <source>Not applied for</source>
        <translation>未申請</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>申請已收到</translation>
    </message>
    <message>
        <source>Application being checked</source>
        <translation>正在審核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未獲批准</translation>
    </message>
    <message>
        <source>Being paid</source>
        <translation>正在發放</translation>
    </message>
    <message>
        <source>Payments paused</source>
        <translation>暫停發放</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已結束</translation>
    </message>
    <message>
        <source>Status not known to this kiosk ({code}). Please ask staff.</source>
        <translation>本機無法識別這個狀態（{code}），請諮詢工作人員。</translation>
    </message>
    <message>
        <source>Applied on {day}</source>
        <translation>申請日期：{day}</translation>
    </message>
    <message>
        <source>Next payment: {day}</source>
        <translation>下次發放：{day}</translation>
    </message>
    <message>
        <source>Paid {amount} on {day}</source>
        <translation>{day}已發放{amount}</translation>
    </message>
    <message>
        <source>For ID number {masked}</source>
        <translation>身份證號 {masked}</translation>
    </message>
    <message>
        <source>to check allowances and subsidies you may get</source>
        <translation>用於查看您可能享有的津貼和補貼</translation>
    </message>
    <message>
        <source>Allowances and subsidies</source>
        <translation>津貼和補貼</translation>
    </message>
    <message>
        <source>What might I be entitled to?</source>
        <translation>我可以享有哪些津貼補貼？</translation>
    </message>
    <message>
        <source>My applications and payments</source>
        <translation>我的申請和發放</translation>
    </message>
    <message>
        <source>Ask a social worker to call me</source>
        <translation>請社工打電話給我</translation>
    </message>
    <message>
        <source>This kiosk has no benefit rules yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>本機還沒有津貼補貼資料，需要先連接服務中心。請找工作人員。</translation>
    </message>
    <message>
        <source>From your answers we found nothing you are likely to get now. A social worker can check your situation in full.</source>
        <translation>根據您的回答，暫時沒有找到您很可能享有的項目。社工可以幫您全面了解情況。</translation>
    </message>
    <message>
        <source>What you may be entitled to</source>
        <translation>您可能享有的津貼補貼</translation>
    </message>
    <message>
        <source>How to apply: {how}</source>
        <translation>如何申請：{how}</translation>
    </message>
    <message>
        <source>Bring: {documents}</source>
        <translation>請帶備：{documents}</translation>
    </message>
    <message>
        <source>The amount is not yet confirmed; staff will tell you the figure.</source>
        <translation>金額還沒有確定，工作人員會告訴您具體數目。</translation>
    </message>
    <message>
        <source>Asking the service centre. This takes a few seconds…</source>
        <translation>正在向服務中心查詢，請稍等幾秒鐘……</translation>
    </message>
    <message>
        <source>The service centre cannot be reached and this kiosk has no saved answer for you. Please try again later or ask staff.</source>
        <translation>暫時聯絡不上服務中心，本機也沒有保存您的查詢結果。請稍後再試，或找工作人員。</translation>
    </message>
    <message>
        <source>The service centre cannot be reached. Showing the answer saved {age}.</source>
        <translation>暫時聯絡不上服務中心。以下是{age}保存的查詢結果。</translation>
    </message>
    <message>
        <source>The service centre has no applications or payments for you.</source>
        <translation>服務中心沒有您的申請或發放記錄。</translation>
    </message>
    <message>
        <source>A social worker will call you about allowances and subsidies.</source>
        <translation>社工會就津貼和補貼的事打電話給您。</translation>
    </message>
    <message>
        <source>Ask a social worker to call you?</source>
        <translation>要請社工打電話給您嗎？</translation>
    </message>
    <message>
        <source>A social worker from the service centre will call {phone} about allowances and subsidies, usually within two working days.</source>
        <translation>服務中心的社工一般會在兩個工作天內致電 {phone}，和您談津貼和補貼的事。</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Yes, please call me</source>
        <translation>好的，請打電話給我</translation>
    </message>
    <message>
        <source>The request could not be sent</source>
        <translation>請求未能發出</translation>
    </message>
    <message>
        <source>Please ask staff to call the service centre for you.</source>
        <translation>請工作人員幫您致電服務中心。</translation>
    </message>
    <message>
        <source>A social worker will call you</source>
        <translation>社工會打電話給您</translation>
    </message>
    <message>
        <source>We will call {phone}, usually within two working days.</source>
        <translation>我們一般會在兩個工作天內致電 {phone} 聯絡您。</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your request is saved and will be sent as soon as the connection is back.</source>
        <translation>本機暫時離線。您的請求已保存，連線後會馬上發送。</translation>
    </message>
    <message>
        <source>Please ask staff</source>
        <translation>請諮詢工作人員</translation>
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
    <message>
        <source>● Listening… please speak now</source>
        <translation>● 正在聽…請說話</translation>
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
    <message>
        <source>Ambulance</source>
        <extracomment>Stable English page name used by navigation, ``current_page()`` and screenshots. A text size of the page's own (staff pages), instead of the senior's choice.</extracomment>
        <translation>救護車</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>報警</translation>
    </message>
    <message>
        <source>Fire</source>
        <extracomment>The page's content changed while it may be shown (see ``notify_content_changed``).</extracomment>
        <translation>火警</translation>
    </message>
    <message>
        <source>Cancelled. The service centre knows you are all right.</source>
        <translation>已取消。服務中心知道您沒事了。</translation>
    </message>
    <message>
        <source>Cancelling. We are telling the service centre that you are all right.</source>
        <translation>正在取消，正在告訴服務中心您沒事。</translation>
    </message>
    <message>
        <source>{name} at the service centre has seen your call. Help is on the way.</source>
        <translation>服務中心的{name}已經看到您的呼叫。救助人員正在趕來。</translation>
    </message>
    <message>
        <source>Your call for help is saved, but this kiosk has no service centre to send it to.</source>
        <translation>您的求助已儲存，但這部一鍵通還沒有連接服務中心。</translation>
    </message>
    <message>
        <source>We cannot reach the service centre yet. We keep trying.</source>
        <translation>暫時聯絡不上服務中心，我們正在繼續嘗試。</translation>
    </message>
    <message>
        <source>If you need help now, press the red Emergency button at the top.</source>
        <translation>如需幫助，請按上方紅色的「緊急呼叫」按鈕。</translation>
    </message>
    <message>
        <source>Your call for help is being sent. Please stay where you are.</source>
        <translation>正在發送您的求助，請留在原地。</translation>
    </message>
    <message>
        <source>The service centre has your call for help. Please stay where you are.</source>
        <translation>服務中心已收到您的求助，請留在原地。</translation>
    </message>
    <message>
        <source>An operator has seen your call. Help is on the way.</source>
        <translation>值班員已經看到您的呼叫。救助人員正在趕來。</translation>
    </message>
    <message>
        <source>The service centre has finished with your call for help.</source>
        <translation>服務中心已處理完您的求助。</translation>
    </message>
    <message>
        <source>Call for help sent</source>
        <translation>求助已發出</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>正在發送</translation>
    </message>
    <message>
        <source>Received by the service centre</source>
        <translation>服務中心已收到</translation>
    </message>
    <message>
        <source>Seen by {name}</source>
        <translation>{name}已看到</translation>
    </message>
    <message>
        <source>Seen by an operator</source>
        <translation>值班員已看到</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已處理完畢</translation>
    </message>
    <message>
        <source>Help is on the way</source>
        <translation>救助人員正在趕來</translation>
    </message>
    <message>
        <source>If this kiosk cannot reach anyone, call:</source>
        <translation>如果這部一鍵通聯絡不上任何人，請撥打：</translation>
    </message>
    <message>
        <source>Please call one of these numbers now, or ask anyone nearby for help:</source>
        <translation>請馬上撥打下面的電話，或請身邊的人幫忙：</translation>
    </message>
    <message>
        <source>If you can, call one of these numbers, or ask anyone nearby for help:</source>
        <translation>如果可以，請撥打下面的電話，或請身邊的人幫忙：</translation>
    </message>
    <message>
        <source>Phoning the service centre ...</source>
        <translation>正在致電服務中心……</translation>
    </message>
    <message>
        <source>On the phone with the service centre. Speak now.</source>
        <translation>已接通服務中心，請說話。</translation>
    </message>
    <message>
        <source>The phone call has ended.</source>
        <translation>通話已結束。</translation>
    </message>
    <message>
        <source>The phone call could not be made. Your call for help goes on without it.</source>
        <translation>電話沒有打通。您的求助仍在繼續發送。</translation>
    </message>
    <message>
        <source>DRILL - practice only. Staff: please check this kiosk.</source>
        <translation>演練——僅為練習。工作人員請查看這部一鍵通。</translation>
    </message>
    <message>
        <source>EMERGENCY - staff: please come to this kiosk now.</source>
        <translation>緊急求助——請工作人員馬上到這部一鍵通來。</translation>
    </message>
    <message>
        <source>Emergency drill (practice)</source>
        <translation>緊急呼叫演練（練習）</translation>
    </message>
    <message>
        <source>Calling for help</source>
        <translation>正在呼叫幫助</translation>
    </message>
    <message>
        <source>Cancel - I am all right ({seconds})</source>
        <translation>取消——我沒事（{seconds}）</translation>
    </message>
    <message>
        <source>Done - back to the start</source>
        <translation>完成，返回首頁</translation>
    </message>
</context>
<context>
    <name>Flow</name>
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
        <source>Offline: showing saved information from {age}.</source>
        <translation>暫時離線：顯示的是{age}保存的資料。</translation>
    </message>
    <message>
        <source>Information from {age}.</source>
        <translation>資料更新於{age}。</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your request will be saved and sent as soon as the connection is back; until then it waits for confirmation.</source>
        <translation>本機暫時離線。您的申請會先保存，連線後馬上發送；在此之前顯示為等待確認。</translation>
    </message>
    <message>
        <source>This kiosk cannot save anything just now, so nothing was sent. Please ask staff.</source>
        <translation>本機現在無法保存任何內容，所以沒有發送。請找工作人員。</translation>
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
    <message>
        <source>New requests cannot be saved: please ask staff</source>
        <translation>暫時不能保存新的申請，請找工作人員</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Doctor</source>
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
    <name>Keyboard</name>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>大寫</translation>
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
    <name>Meals</name>
    <message>
        <source>Low salt</source>
        <translation>低鹽</translation>
    </message>
    <message>
        <source>Low sugar</source>
        <translation>低糖</translation>
    </message>
    <message>
        <source>Soft</source>
        <translation>軟爛</translation>
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
        <translation>送餐上門</translation>
    </message>
    <message>
        <source>Eat at the canteen</source>
        <translation>在食堂吃（堂食）</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>等待確認</translation>
    </message>
    <message>
        <source>Order received</source>
        <translation>已接單</translation>
    </message>
    <message>
        <source>Being prepared</source>
        <translation>正在製作</translation>
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
        <translation>已送達</translation>
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
        <source>Could not be ordered</source>
        <translation>未能訂餐</translation>
    </message>
    <message>
        <source>Ordering for this meal has closed for today.</source>
        <translation>這一餐今天的訂餐已經截止。</translation>
    </message>
    <message>
        <source>The canteen no longer offers this meal.</source>
        <translation>食堂已不再提供這份餐。</translation>
    </message>
    <message>
        <source>The price of this meal has changed.</source>
        <translation>這份餐的價格有變動。</translation>
    </message>
    <message>
        <source>This meal is sold out.</source>
        <translation>這份餐已經賣完了。</translation>
    </message>
    <message>
        <source>The canteen does not offer this way of getting the meal.</source>
        <translation>食堂不提供這種用餐方式。</translation>
    </message>
    <message>
        <source>Home delivery from this canteen is for older residents only.</source>
        <translation>這間食堂的送餐上門服務只供長者使用。</translation>
    </message>
    <message>
        <source>It is too late to cancel this order.</source>
        <translation>現在取消這份訂餐已經太遲了。</translation>
    </message>
    <message>
        <source>The service centre could not accept this order.</source>
        <translation>服務中心無法受理這份訂餐。</translation>
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
        <translation>訂餐已於{time}截止</translation>
    </message>
    <message>
        <source>Price: {amount}</source>
        <translation>價格：{amount}</translation>
    </message>
    <message>
        <source>Senior discount (you pay {percent}%): −{amount}</source>
        <translation>長者優惠（您付{percent}%）：−{amount}</translation>
    </message>
    <message>
        <source>Daily meal subsidy: −{amount}</source>
        <translation>每日助餐補貼：−{amount}</translation>
    </message>
    <message>
        <source>You pay: {amount}</source>
        <translation>您需支付：{amount}</translation>
    </message>
    <message>
        <source>A daily subsidy may lower this at the counter when your card is checked.</source>
        <translation>在櫃枱核對您的卡後，每日助餐補貼可能令價錢再低一些。</translation>
    </message>
    <message>
        <source>Order or cancel by {time} on the day of the meal.</source>
        <translation>請在用餐當天{time}前訂餐或取消。</translation>
    </message>
    <message>
        <source>Ordering for ID number {masked}</source>
        <translation>為身份證號 {masked} 訂餐</translation>
    </message>
    <message>
        <source>to order a meal or check an order</source>
        <translation>用於訂餐或查看訂單</translation>
    </message>
    <message>
        <source>This kiosk has no canteen information yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>本機還沒有食堂資料，需要先連接服務中心。請找工作人員。</translation>
    </message>
    <message>
        <source>Which canteen?</source>
        <translation>選哪間食堂？</translation>
    </message>
    <message>
        <source>My meal orders</source>
        <translation>我的訂餐</translation>
    </message>
    <message>
        <source>This canteen has no meals on its menu for today or tomorrow.</source>
        <translation>這間食堂今天和明天都沒有可訂的餐。</translation>
    </message>
    <message>
        <source>Which meal?</source>
        <translation>選哪份餐？</translation>
    </message>
    <message>
        <source>How would you like your meal?</source>
        <translation>您想怎樣用餐？</translation>
    </message>
    <message>
        <source>The price has changed since the menu was shown. Please check it again.</source>
        <translation>價格剛剛有變動，請再核對一下。</translation>
    </message>
    <message>
        <source>Please check your order</source>
        <translation>請核對您的訂餐</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Order this meal</source>
        <translation>確認訂餐</translation>
    </message>
    <message>
        <source>The meal could not be ordered</source>
        <translation>這份餐未能訂上</translation>
    </message>
    <message>
        <source>Your meal is ordered</source>
        <translation>訂餐成功</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your order is saved and will be sent as soon as the connection is back. The order number appears here then.</source>
        <translation>本機暫時離線。您的訂餐已保存，連線後會馬上發送，到時訂單號會顯示在這裏。</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>狀態：{status}</translation>
    </message>
    <message>
        <source>You have no meal orders at this kiosk.</source>
        <translation>您在本機沒有訂餐記錄。</translation>
    </message>
    <message>
        <source>Cancel this order</source>
        <translation>取消這份訂餐</translation>
    </message>
    <message>
        <source>Cancel this meal order?</source>
        <translation>要取消這份訂餐嗎？</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>確定取消</translation>
    </message>
    <message>
        <source>An earlier order could not be placed</source>
        <translation>之前有一份訂餐未能訂上</translation>
    </message>
    <message>
        <source>Choose a meal</source>
        <translation>去選餐</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <source>A mobile number has 11 digits; a Shanghai landline has 8. Please check.</source>
        <translation>手機號碼是11位，上海固定電話是8位。請檢查一下。</translation>
    </message>
    <message>
        <source>Please type digits only.</source>
        <translation>請只輸入數字。</translation>
    </message>
    <message>
        <source>That is a service number. Please give a number we can call you on.</source>
        <translation>這是服務號碼。請留下一個我們可以打給您的號碼。</translation>
    </message>
    <message>
        <source>Please give a mobile number or a Shanghai landline.</source>
        <translation>請留下手機號碼或上海的固定電話。</translation>
    </message>
    <message>
        <source>This does not look like a phone number. Please check it.</source>
        <translation>這好像不是電話號碼，請檢查一下。</translation>
    </message>
    <message>
        <source>Which phone number should we call?</source>
        <translation>我們打哪個電話找您？</translation>
    </message>
    <message>
        <source>The number is complete. Press OK, or press Delete to correct it.</source>
        <translation>號碼已輸入完畢。請按「確定」；要修改請按「刪除」。</translation>
    </message>
    <message>
        <source>Please type your phone number first.</source>
        <translation>請先輸入您的電話號碼。</translation>
    </message>
    <message>
        <source>Thank you. We will call this number.</source>
        <translation>謝謝，我們會打這個號碼找您。</translation>
    </message>
    <message>
        <source>Type your mobile or home phone number and press OK.</source>
        <translation>請輸入手機號碼或家中電話，然後按「確定」。</translation>
    </message>
    <message>
        <source>Digits entered: {count}</source>
        <translation>已輸入：{count} 位</translation>
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
        <source>Sorry, please say it again or touch the screen.</source>
        <translation>對不起，請再講一次，或者按屏幕。</translation>
    </message>
    <message>
        <source>No microphone found. Voice input is off; the touch screen still works.</source>
        <translation>找不到咪高峰。語音輸入已關閉，觸控屏幕照常可用。</translation>
    </message>
    <message>
        <source>Voice input is not available in this language on this kiosk. Please touch the screen.</source>
        <translation>本機暫時不支援用這種語言語音輸入。請按屏幕。</translation>
    </message>
    <message>
        <source>No speaker found, so nothing can be read aloud. Please read the screen.</source>
        <translation>找不到喇叭，無法朗讀。請看屏幕上的文字。</translation>
    </message>
</context>
</TS>