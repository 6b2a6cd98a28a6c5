<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>MainWindow</name>
    <message>
        <source>Yijiantong</source>
        <translation>一键通</translation>
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