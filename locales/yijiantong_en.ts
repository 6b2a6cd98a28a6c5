<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BottomBar</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>Speak</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <source>This service is coming soon. If you need help with it today, please ask a member of staff.</source>
        <translation>This service is coming soon. If you need help with it today, please ask a member of staff.</translation>
    </message>
</context>
<context>
    <name>Emergency</name>
    <message>
        <source>Emergency call</source>
        <translation>Emergency call</translation>
    </message>
    <message>
        <source>This kiosk cannot call for help yet. If you need help now, call 120 or ask a member of staff.</source>
        <translation>This kiosk cannot call for help yet. If you need help now, call 120 or ask a member of staff.</translation>
    </message>
    <message>
        <source>120 is the emergency ambulance number.</source>
        <translation>120 is the emergency ambulance number.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Yijiantong</source>
        <translation>Yijiantong</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Connected to the service centre</source>
        <translation>Connected to the service centre</translation>
    </message>
    <message>
        <source>Offline: your requests are kept and sent later</source>
        <translation>Offline: your requests are kept and sent later</translation>
    </message>
    <message>
        <source>Not connected: please tell a member of staff</source>
        <translation>Not connected: please tell a member of staff</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Doctor</source>
        <extracomment>Stable English page name used by navigation, ``current_page()`` and screenshots.</extracomment>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>Meals</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Benefits</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Hello. What do you need today?</source>
        <translation>Hello. What do you need today?</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>To protect your privacy, this screen will soon go back to the start. Press Continue if you are still here. Seconds left:</source>
        <translation>To protect your privacy, this screen will soon go back to the start. Press Continue if you are still here. Seconds left:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Yijiantong</source>
        <translation>Yijiantong</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <source>Voice is not set up on this kiosk yet. Please read the screen.</source>
        <translation>Voice is not set up on this kiosk yet. Please read the screen.</translation>
    </message>
</context>
</TS>