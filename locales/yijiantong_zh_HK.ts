<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_HK" sourcelanguage="en">
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
    <name>MainWindow</name>
    <message>
        <source>Yijiantong</source>
        <translation>一鍵通</translation>
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