<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Admin</name>
    <message>
        <source>This did not work: {reason}</source>
        <extracomment>What every personal number ``services.identity.redact`` masks is made of: at least ``MIN_REDACTED_DIGITS`` decimal digits (a Shanghai landline, ``21`` + 8 digits, is the shortest) and nothing but digits and ``NUMBER_PUNCTUATION``. Text without such a run cannot hold one. tests/unit/kiosk/test_logs.py checks both against the pattern.</extracomment>
        <translation>This did not work: {reason}</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <source>Enter the admin PIN, or a helper PIN, or swipe a helper badge.</source>
        <translation>Enter the admin PIN, or a helper PIN, or swipe a helper badge.</translation>
    </message>
    <message>
        <source>Set the admin PIN</source>
        <translation>Set the admin PIN</translation>
    </message>
    <message>
        <source>No admin PIN is set yet. Choose a PIN of 4 to 12 digits.</source>
        <translation>No admin PIN is set yet. Choose a PIN of 4 to 12 digits.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait {minutes} min {seconds} s.</source>
        <translation>Too many wrong PINs. Please wait {minutes} min {seconds} s.</translation>
    </message>
    <message>
        <source>That PIN is not right. {left} tries left before a wait.</source>
        <translation>That PIN is not right. {left} tries left before a wait.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits. Please choose again.</source>
        <translation>A PIN has 4 to 12 digits. Please choose again.</translation>
    </message>
    <message>
        <source>Enter the same PIN again to confirm.</source>
        <translation>Enter the same PIN again to confirm.</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 12 digits.</source>
        <translation>Choose a PIN of 4 to 12 digits.</translation>
    </message>
    <message>
        <source>The two PINs were different. Please start again.</source>
        <translation>The two PINs were different. Please start again.</translation>
    </message>
    <message>
        <source>That is not a web address. It must start with http:// or https://.</source>
        <translation>That is not a web address. It must start with http:// or https://.</translation>
    </message>
    <message>
        <source>Not changed: {problem}</source>
        <translation>Not changed: {problem}</translation>
    </message>
    <message>
        <source>In use now, but it could not be saved for the next start: {reason}</source>
        <translation>In use now, but it could not be saved for the next start: {reason}</translation>
    </message>
    <message>
        <source>Helper added.</source>
        <translation>Helper added.</translation>
    </message>
    <message>
        <source>Helper removed.</source>
        <translation>Helper removed.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>Helper: {name}</translation>
    </message>
    <message>
        <source>Please give the helper a name (up to 40 characters).</source>
        <translation>Please give the helper a name (up to 40 characters).</translation>
    </message>
    <message>
        <source>Please give a PIN or a badge number (or both).</source>
        <translation>Please give a PIN or a badge number (or both).</translation>
    </message>
    <message>
        <source>A PIN has digits only.</source>
        <translation>A PIN has digits only.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>A PIN has 4 to 12 digits.</translation>
    </message>
    <message>
        <source>A badge number has 4 to 32 letters or digits.</source>
        <translation>A badge number has 4 to 32 letters or digits.</translation>
    </message>
    <message>
        <source>There is already a helper with that name.</source>
        <translation>There is already a helper with that name.</translation>
    </message>
    <message>
        <source>No helper accounts yet.</source>
        <translation>No helper accounts yet.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>badge</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Helper accounts</source>
        <translation>Helper accounts</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <source>Add a helper</source>
        <translation>Add a helper</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits)</source>
        <translation>PIN (4 to 12 digits)</translation>
    </message>
    <message>
        <source>Badge number (or swipe the badge here)</source>
        <translation>Badge number (or swipe the badge here)</translation>
    </message>
    <message>
        <source>Add helper</source>
        <translation>Add helper</translation>
    </message>
    <message>
        <source>Display and language</source>
        <translation>Display and language</translation>
    </message>
    <message>
        <source>Speech and microphone</source>
        <translation>Speech and microphone</translation>
    </message>
    <message>
        <source>Services and order</source>
        <translation>Services and order</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Kiosk name and hub</source>
        <translation>Kiosk name and hub</translation>
    </message>
    <message>
        <source>Emergency and phone</source>
        <translation>Emergency and phone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Admin: settings and status</source>
        <translation>Admin: settings and status</translation>
    </message>
    <message>
        <source>Close the admin screen</source>
        <translation>Close the admin screen</translation>
    </message>
    <message>
        <source>{count} digits entered</source>
        <translation>{count} digits entered</translation>
    </message>
    <message>
        <source>Saved and in use now.</source>
        <translation>Saved and in use now.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Less</translation>
    </message>
    <message>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Meal orders</source>
        <translation>Meal orders</translation>
    </message>
    <message>
        <source>Benefit checks</source>
        <translation>Benefit checks</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>Enrol with a service hub</source>
        <translation>Enrol with a service hub</translation>
    </message>
    <message>
        <source>Hub address (http:// or https://)</source>
        <translation>Hub address (http:// or https://)</translation>
    </message>
    <message>
        <source>One-time code from the hub</source>
        <translation>One-time code from the hub</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Please type the one-time code from the hub.</source>
        <translation>Please type the one-time code from the hub.</translation>
    </message>
    <message>
        <source>Contacting the hub…</source>
        <translation>Contacting the hub…</translation>
    </message>
    <message>
        <source>Cannot reach the hub at {url}. Check the address and the network. Nothing was changed.</source>
        <translation>Cannot reach the hub at {url}. Check the address and the network. Nothing was changed.</translation>
    </message>
    <message>
        <source>The hub did not accept that code (wrong, used or expired). Ask for a new code. Nothing was changed.</source>
        <translation>The hub did not accept that code (wrong, used or expired). Ask for a new code. Nothing was changed.</translation>
    </message>
    <message>
        <source>Enrolment failed: {reason}</source>
        <translation>Enrolment failed: {reason}</translation>
    </message>
    <message>
        <source>Enrolled. This kiosk now sends its requests to the hub.</source>
        <translation>Enrolled. This kiosk now sends its requests to the hub.</translation>
    </message>
    <message>
        <source>Queued again; it will be sent with the next sync.</source>
        <translation>Queued again; it will be sent with the next sync.</translation>
    </message>
    <message>
        <source>That request is no longer in the list.</source>
        <translation>That request is no longer in the list.</translation>
    </message>
    <message>
        <source>Please type the full path of the model zip file first.</source>
        <translation>Please type the full path of the model zip file first.</translation>
    </message>
    <message>
        <source>Not installed: {reason}. The old model (if any) is still in use.</source>
        <translation>Not installed: {reason}. The old model (if any) is still in use.</translation>
    </message>
    <message>
        <source>Installed: {model}</source>
        <translation>Installed: {model}</translation>
    </message>
    <message>
        <source>Installing… this can take a minute.</source>
        <translation>Installing… this can take a minute.</translation>
    </message>
    <message>
        <source>Speaking a test sentence…</source>
        <translation>Speaking a test sentence…</translation>
    </message>
    <message>
        <source>The test sentence was played. Did you hear it?</source>
        <translation>The test sentence was played. Did you hear it?</translation>
    </message>
    <message>
        <source>No sound could be played: check the speaker and its cable.</source>
        <translation>No sound could be played: check the speaker and its cable.</translation>
    </message>
    <message>
        <source>Listening for 2 seconds: please speak.</source>
        <translation>Listening for 2 seconds: please speak.</translation>
    </message>
    <message>
        <source>No microphone found. Voice input is off; the touch screen still works.</source>
        <translation>No microphone found. Voice input is off; the touch screen still works.</translation>
    </message>
    <message>
        <source>The microphone works but heard almost nothing. Is it muted?</source>
        <translation>The microphone works but heard almost nothing. Is it muted?</translation>
    </message>
    <message>
        <source>The microphone works (loudest: {level} %).</source>
        <translation>The microphone works (loudest: {level} %).</translation>
    </message>
    <message>
        <source>The emergency call is not set up on this kiosk; no drill.</source>
        <translation>The emergency call is not set up on this kiosk; no drill.</translation>
    </message>
    <message>
        <source>Please type the folder to export to (e.g. /media/usb).</source>
        <translation>Please type the folder to export to (e.g. /media/usb).</translation>
    </message>
    <message>
        <source>Exported to {file}</source>
        <translation>Exported to {file}</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: it is read-only.</source>
        <translation>Cannot write to {folder}: it is read-only.</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: it is full.</source>
        <translation>Cannot write to {folder}: it is full.</translation>
    </message>
    <message>
        <source>There is no folder {folder}. Is the USB stick plugged in?</source>
        <translation>There is no folder {folder}. Is the USB stick plugged in?</translation>
    </message>
    <message>
        <source>Export to {folder} failed.</source>
        <translation>Export to {folder} failed.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Removed {requests} old requests and {answers} saved answers. {queued} requests still waiting to be sent were kept.</source>
        <translation>Removed {requests} old requests and {answers} saved answers. {queued} requests still waiting to be sent were kept.</translation>
    </message>
    <message>
        <source>Removing personal data…</source>
        <translation>Removing personal data…</translation>
    </message>
    <message>
        <source>Speaker and microphone</source>
        <translation>Speaker and microphone</translation>
    </message>
    <message>
        <source>Test the speaker</source>
        <translation>Test the speaker</translation>
    </message>
    <message>
        <source>Test the microphone (2 seconds)</source>
        <translation>Test the microphone (2 seconds)</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <source>Emergency drill (nobody is sent)</source>
        <translation>Emergency drill (nobody is sent)</translation>
    </message>
    <message>
        <source>Start a drill</source>
        <translation>Start a drill</translation>
    </message>
    <message>
        <source>Export logs and diagnostics</source>
        <translation>Export logs and diagnostics</translation>
    </message>
    <message>
        <source>Folder to write to (e.g. the USB stick):</source>
        <translation>Folder to write to (e.g. the USB stick):</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>Remove personal data</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>Fewer days</source>
        <translation>Fewer days</translation>
    </message>
    <message>
        <source>More days</source>
        <translation>More days</translation>
    </message>
    <message>
        <source>Remove data older than {days} days</source>
        <translation>Remove data older than {days} days</translation>
    </message>
    <message>
        <source>Tap again to remove everything now</source>
        <translation>Tap again to remove everything now</translation>
    </message>
    <message>
        <source>Remove all personal data now</source>
        <translation>Remove all personal data now</translation>
    </message>
    <message>
        <source>Not enrolled with a service hub.</source>
        <translation>Not enrolled with a service hub.</translation>
    </message>
    <message>
        <source>Connection: not known yet.</source>
        <translation>Connection: not known yet.</translation>
    </message>
    <message>
        <source>Online.</source>
        <translation>Online.</translation>
    </message>
    <message>
        <source>Offline.</source>
        <translation>Offline.</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>Last successful sync: {when}</translation>
    </message>
    <message>
        <source>Requests waiting to be sent: {count}</source>
        <translation>Requests waiting to be sent: {count}</translation>
    </message>
    <message>
        <source>Last problem: {error}</source>
        <translation>Last problem: {error}</translation>
    </message>
    <message>
        <source>No rejected requests.</source>
        <translation>No rejected requests.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>No alarms.</source>
        <translation>No alarms.</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>drill</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Not known.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Connection and sync</source>
        <translation>Connection and sync</translation>
    </message>
    <message>
        <source>Rejected requests</source>
        <translation>Rejected requests</translation>
    </message>
    <message>
        <source>Alarm history</source>
        <translation>Alarm history</translation>
    </message>
    <message>
        <source>Speech recognition models</source>
        <translation>Speech recognition models</translation>
    </message>
    <message>
        <source>Install a model from a zip file (full path):</source>
        <translation>Install a model from a zip file (full path):</translation>
    </message>
    <message>
        <source>Install for {language}</source>
        <translation>Install for {language}</translation>
    </message>
    <message>
        <source>Use per day, last 30 days</source>
        <translation>Use per day, last 30 days</translation>
    </message>
    <message>
        <source>The hub has had too many enrolment attempts from this kiosk. Wait {minutes} min, then try again. Nothing was changed.</source>
        <translation>The hub has had too many enrolment attempts from this kiosk. Wait {minutes} min, then try again. Nothing was changed.</translation>
    </message>
    <message>
        <source>The kiosk's data file cannot be used. Bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</source>
        <translation>The kiosk's data file cannot be used. Bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</translation>
    </message>
    <message>
        <source>The data folder cannot be written (read-only or full). The kiosk shows what it has, but new bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</source>
        <translation>The data folder cannot be written (read-only or full). The kiosk shows what it has, but new bookings, meal orders and settings cannot be kept; emergency calls are still sent to the service hub. Please call the technician.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>AdminOption</name>
    <message>
        <source>Language at the start</source>
        <translation>Language at the start</translation>
    </message>
    <message>
        <source>Text size at the start</source>
        <translation>Text size at the start</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Seconds without a touch before the warning</source>
        <translation>Seconds without a touch before the warning</translation>
    </message>
    <message>
        <source>Seconds the warning stays before the screen is cleared</source>
        <translation>Seconds the warning stays before the screen is cleared</translation>
    </message>
    <message>
        <source>Service hub address</source>
        <translation>Service hub address</translation>
    </message>
    <message>
        <source>Speak every screen</source>
        <translation>Speak every screen</translation>
    </message>
    <message>
        <source>Speech speed (words per minute)</source>
        <translation>Speech speed (words per minute)</translation>
    </message>
    <message>
        <source>Volume (percent)</source>
        <translation>Volume (percent)</translation>
    </message>
    <message>
        <source>Kiosk name</source>
        <translation>Kiosk name</translation>
    </message>
    <message>
        <source>Kiosk location</source>
        <translation>Kiosk location</translation>
    </message>
    <message>
        <source>Printer for slips</source>
        <translation>Printer for slips</translation>
    </message>
    <message>
        <source>Service area (street)</source>
        <translation>Service area (street)</translation>
    </message>
    <message>
        <source>Services on the home screen, in order</source>
        <translation>Services on the home screen, in order</translation>
    </message>
    <message>
        <source>Log detail</source>
        <translation>Log detail</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Always listen for a call for help</source>
        <translation>Always listen for a call for help</translation>
    </message>
    <message>
        <source>Numbers to call in an emergency</source>
        <translation>Numbers to call in an emergency</translation>
    </message>
    <message>
        <source>On-site alert sound</source>
        <translation>On-site alert sound</translation>
    </message>
    <message>
        <source>Drill mode</source>
        <translation>Drill mode</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Appointments</translation>
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
        <source>Days personal data is kept after a request is done (0: until removed)</source>
        <translation>Days personal data is kept after a request is done (0: until removed)</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Waiting for confirmation</source>
        <translation>Waiting for confirmation</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Could not be booked</source>
        <translation>Could not be booked</translation>
    </message>
    <message>
        <source>Cancellation sent</source>
        <translation>Cancellation sent</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Someone else took the last place at this time.</source>
        <translation>Someone else took the last place at this time.</translation>
    </message>
    <message>
        <source>This time is no longer offered by the hospital.</source>
        <translation>This time is no longer offered by the hospital.</translation>
    </message>
    <message>
        <source>Booking for this time has closed.</source>
        <translation>Booking for this time has closed.</translation>
    </message>
    <message>
        <source>This day cannot be booked yet.</source>
        <translation>This day cannot be booked yet.</translation>
    </message>
    <message>
        <source>You already have an appointment in this department on this day.</source>
        <translation>You already have an appointment in this department on this day.</translation>
    </message>
    <message>
        <source>It is too late to cancel this appointment.</source>
        <translation>It is too late to cancel this appointment.</translation>
    </message>
    <message>
        <source>The hospital has no record of this booking.</source>
        <translation>The hospital has no record of this booking.</translation>
    </message>
    <message>
        <source>The service centre could not accept this request.</source>
        <translation>The service centre could not accept this request.</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Places left: {n}</source>
        <translation>Places left: {n}</translation>
    </message>
    <message>
        <source>Kept for seniors</source>
        <translation>Kept for seniors</translation>
    </message>
    <message>
        <source>Earliest free time: {when}</source>
        <translation>Earliest free time: {when}</translation>
    </message>
    <message>
        <source>Fee: {amount}</source>
        <translation>Fee: {amount}</translation>
    </message>
    <message>
        <source>For ID number {masked}</source>
        <translation>For ID number {masked}</translation>
    </message>
    <message>
        <source>You can cancel until {when}.</source>
        <translation>You can cancel until {when}.</translation>
    </message>
    <message>
        <source>Offline: showing saved information from {age}.</source>
        <translation>Offline: showing saved information from {age}.</translation>
    </message>
    <message>
        <source>Information from {age}.</source>
        <translation>Information from {age}.</translation>
    </message>
    <message>
        <source>This kiosk has no appointment information yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>This kiosk has no appointment information yet. It needs a connection to the service centre; please ask staff.</translation>
    </message>
    <message>
        <source>Booking for ID number {masked}</source>
        <translation>Booking for ID number {masked}</translation>
    </message>
    <message>
        <source>to book or check a doctor's appointment</source>
        <translation>to book or check a doctor's appointment</translation>
    </message>
    <message>
        <source>Which hospital?</source>
        <translation>Which hospital?</translation>
    </message>
    <message>
        <source>My appointments</source>
        <translation>My appointments</translation>
    </message>
    <message>
        <source>Staff: waiting bookings</source>
        <translation>Staff: waiting bookings</translation>
    </message>
    <message>
        <source>Which department?</source>
        <translation>Which department?</translation>
    </message>
    <message>
        <source>There are no free places in this department in the coming days.</source>
        <translation>There are no free places in this department in the coming days.</translation>
    </message>
    <message>
        <source>Which day?</source>
        <translation>Which day?</translation>
    </message>
    <message>
        <source>Which time?</source>
        <translation>Which time?</translation>
    </message>
    <message>
        <source>That time has just been taken. Please choose again.</source>
        <translation>That time has just been taken. Please choose again.</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your booking will be saved and sent as soon as the connection is back; until then it waits for confirmation.</source>
        <translation>The kiosk is offline. Your booking will be saved and sent as soon as the connection is back; until then it waits for confirmation.</translation>
    </message>
    <message>
        <source>Please check your appointment</source>
        <translation>Please check your appointment</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Book this appointment</source>
        <translation>Book this appointment</translation>
    </message>
    <message>
        <source>This time could not be booked</source>
        <translation>This time could not be booked</translation>
    </message>
    <message>
        <source>Choose another time</source>
        <translation>Choose another time</translation>
    </message>
    <message>
        <source>Print a slip</source>
        <translation>Print a slip</translation>
    </message>
    <message>
        <source>Your appointment is booked</source>
        <translation>Your appointment is booked</translation>
    </message>
    <message>
        <source>Please bring your ID card.</source>
        <translation>Please bring your ID card.</translation>
    </message>
    <message>
        <source>Nearest free times:</source>
        <translation>Nearest free times:</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your booking is saved and will be sent when the connection is back. You can check it under My appointments.</source>
        <translation>The kiosk is offline. Your booking is saved and will be sent when the connection is back. You can check it under My appointments.</translation>
    </message>
    <message>
        <source>Your booking has been sent. The booking number appears here when the hospital confirms it.</source>
        <translation>Your booking has been sent. The booking number appears here when the hospital confirms it.</translation>
    </message>
    <message>
        <source>Cancel this appointment</source>
        <translation>Cancel this appointment</translation>
    </message>
    <message>
        <source>The time to cancel has passed. To change it, please call the hospital: {phone}.</source>
        <translation>The time to cancel has passed. To change it, please call the hospital: {phone}.</translation>
    </message>
    <message>
        <source>Cancel this appointment?</source>
        <translation>Cancel this appointment?</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>No, keep it</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>Yes, cancel it</translation>
    </message>
    <message>
        <source>Your cancellation has been sent.</source>
        <translation>Your cancellation has been sent.</translation>
    </message>
    <message>
        <source>A booking could not be made</source>
        <translation>A booking could not be made</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…and {n} more.</translation>
    </message>
    <message>
        <source>Waiting and refused bookings</source>
        <translation>Waiting and refused bookings</translation>
    </message>
    <message>
        <source>For staff: bookings not yet confirmed by the service centre, and refused ones the senior has not seen yet.</source>
        <translation>For staff: bookings not yet confirmed by the service centre, and refused ones the senior has not seen yet.</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>Nothing is waiting.</translation>
    </message>
    <message>
        <source>booked elsewhere</source>
        <translation>booked elsewhere</translation>
    </message>
    <message>
        <source>Bookings made at other kiosks cannot be checked right now.</source>
        <translation>Bookings made at other kiosks cannot be checked right now.</translation>
    </message>
    <message>
        <source>Bookings made at other kiosks: as known {age}.</source>
        <translation>Bookings made at other kiosks: as known {age}.</translation>
    </message>
    <message>
        <source>{n} more booking(s) made elsewhere cannot be shown here; staff can look them up.</source>
        <translation>{n} more booking(s) made elsewhere cannot be shown here; staff can look them up.</translation>
    </message>
    <message>
        <source>Choose one to see it or cancel it.</source>
        <translation>Choose one to see it or cancel it.</translation>
    </message>
    <message>
        <source>You have no upcoming appointments.</source>
        <translation>You have no upcoming appointments.</translation>
    </message>
    <message>
        <source>Booked at another kiosk.</source>
        <translation>Booked at another kiosk.</translation>
    </message>
</context>
<context>
    <name>Benefits</name>
    <message>
        <source>Do you have a Shanghai household registration (hukou)?</source>
        <translation>Do you have a Shanghai household registration (hukou)?</translation>
    </message>
    <message>
        <source>Some allowances and the daily meal subsidy are for Shanghai hukou holders.</source>
        <translation>Some allowances and the daily meal subsidy are for Shanghai hukou holders.</translation>
    </message>
    <message>
        <source>Do you receive minimum living support (dibao)?</source>
        <translation>Do you receive minimum living support (dibao)?</translation>
    </message>
    <message>
        <source>People with dibao can get more help with meals and care.</source>
        <translation>People with dibao can get more help with meals and care.</translation>
    </message>
    <message>
        <source>Is your family certified as low-income?</source>
        <translation>Is your family certified as low-income?</translation>
    </message>
    <message>
        <source>Low-income families can get help with the cost of care.</source>
        <translation>Low-income families can get help with the cost of care.</translation>
    </message>
    <message>
        <source>Do you have employee medical insurance?</source>
        <translation>Do you have employee medical insurance?</translation>
    </message>
    <message>
        <source>This is the insurance people get through their work or pension.</source>
        <translation>This is the insurance people get through their work or pension.</translation>
    </message>
    <message>
        <source>Do you have resident medical insurance?</source>
        <translation>Do you have resident medical insurance?</translation>
    </message>
    <message>
        <source>This is the insurance people join through the neighbourhood.</source>
        <translation>This is the insurance people join through the neighbourhood.</translation>
    </message>
    <message>
        <source>Have you had a care needs assessment?</source>
        <translation>Have you had a care needs assessment?</translation>
    </message>
    <message>
        <source>The assessment gives a care grade from 1 to 6.</source>
        <translation>The assessment gives a care grade from 1 to 6.</translation>
    </message>
    <message>
        <source>What is your care grade?</source>
        <translation>What is your care grade?</translation>
    </message>
    <message>
        <source>It is on your assessment letter. Choose “Not sure” if you do not know.</source>
        <translation>It is on your assessment letter. Choose “Not sure” if you do not know.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Not sure</translation>
    </message>
    <message>
        <source>Grade {n}</source>
        <translation>Grade {n}</translation>
    </message>
    <message>
        <source>{amount} a month</source>
        <translation>{amount} a month</translation>
    </message>
    <message>
        <source>{amount} a day</source>
        <translation>{amount} a day</translation>
    </message>
    <message>
        <source>{amount} a week</source>
        <translation>{amount} a week</translation>
    </message>
    <message>
        <source>{amount} a quarter</source>
        <translation>{amount} a quarter</translation>
    </message>
    <message>
        <source>{amount} once</source>
        <translation>{amount} once</translation>
    </message>
    <message>
        <source>You pay {percent}% of the price</source>
        <translation>You pay {percent}% of the price</translation>
    </message>
    <message>
        <source>Insurance pays {percent}%</source>
        <translation>Insurance pays {percent}%</translation>
    </message>
    <message>
        <source>{n} home care visits a week</source>
        <translation>{n} home care visits a week</translation>
    </message>
    <message>
        <source>You are likely to qualify</source>
        <translation>You are likely to qualify</translation>
    </message>
    <message>
        <source>You may qualify: staff can check</source>
        <translation>You may qualify: staff can check</translation>
    </message>
    <message>
        <source>Not applied for</source>
        <translation>Not applied for</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>Application received</translation>
    </message>
    <message>
        <source>Application being checked</source>
        <translation>Application being checked</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <source>Being paid</source>
        <translation>Being paid</translation>
    </message>
    <message>
        <source>Payments paused</source>
        <translation>Payments paused</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Status not known to this kiosk ({code}). Please ask staff.</source>
        <translation>Status not known to this kiosk ({code}). Please ask staff.</translation>
    </message>
    <message>
        <source>Applied on {day}</source>
        <translation>Applied on {day}</translation>
    </message>
    <message>
        <source>Next payment: {day}</source>
        <translation>Next payment: {day}</translation>
    </message>
    <message>
        <source>Paid {amount} on {day}</source>
        <translation>Paid {amount} on {day}</translation>
    </message>
    <message>
        <source>For ID number {masked}</source>
        <translation>For ID number {masked}</translation>
    </message>
    <message>
        <source>to check allowances and subsidies you may get</source>
        <translation>to check allowances and subsidies you may get</translation>
    </message>
    <message>
        <source>Allowances and subsidies</source>
        <translation>Allowances and subsidies</translation>
    </message>
    <message>
        <source>What might I be entitled to?</source>
        <translation>What might I be entitled to?</translation>
    </message>
    <message>
        <source>My applications and payments</source>
        <translation>My applications and payments</translation>
    </message>
    <message>
        <source>Ask a social worker to call me</source>
        <translation>Ask a social worker to call me</translation>
    </message>
    <message>
        <source>This kiosk has no benefit rules yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>This kiosk has no benefit rules yet. It needs a connection to the service centre; please ask staff.</translation>
    </message>
    <message>
        <source>From your answers we found nothing you are likely to get now. A social worker can check your situation in full.</source>
        <translation>From your answers we found nothing you are likely to get now. A social worker can check your situation in full.</translation>
    </message>
    <message>
        <source>What you may be entitled to</source>
        <translation>What you may be entitled to</translation>
    </message>
    <message>
        <source>How to apply: {how}</source>
        <translation>How to apply: {how}</translation>
    </message>
    <message>
        <source>Bring: {documents}</source>
        <translation>Bring: {documents}</translation>
    </message>
    <message>
        <source>The amount is not yet confirmed; staff will tell you the figure.</source>
        <translation>The amount is not yet confirmed; staff will tell you the figure.</translation>
    </message>
    <message>
        <source>Asking the service centre. This takes a few seconds…</source>
        <translation>Asking the service centre. This takes a few seconds…</translation>
    </message>
    <message>
        <source>The service centre cannot be reached and this kiosk has no saved answer for you. Please try again later or ask staff.</source>
        <translation>The service centre cannot be reached and this kiosk has no saved answer for you. Please try again later or ask staff.</translation>
    </message>
    <message>
        <source>The service centre cannot be reached. Showing the answer saved {age}.</source>
        <translation>The service centre cannot be reached. Showing the answer saved {age}.</translation>
    </message>
    <message>
        <source>The service centre has no applications or payments for you.</source>
        <translation>The service centre has no applications or payments for you.</translation>
    </message>
    <message>
        <source>A social worker will call you about allowances and subsidies.</source>
        <translation>A social worker will call you about allowances and subsidies.</translation>
    </message>
    <message>
        <source>Ask a social worker to call you?</source>
        <translation>Ask a social worker to call you?</translation>
    </message>
    <message>
        <source>A social worker from the service centre will call {phone} about allowances and subsidies, usually within two working days.</source>
        <translation>A social worker from the service centre will call {phone} about allowances and subsidies, usually within two working days.</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Yes, please call me</source>
        <translation>Yes, please call me</translation>
    </message>
    <message>
        <source>The request could not be sent</source>
        <translation>The request could not be sent</translation>
    </message>
    <message>
        <source>Please ask staff to call the service centre for you.</source>
        <translation>Please ask staff to call the service centre for you.</translation>
    </message>
    <message>
        <source>A social worker will call you</source>
        <translation>A social worker will call you</translation>
    </message>
    <message>
        <source>We will call {phone}, usually within two working days.</source>
        <translation>We will call {phone}, usually within two working days.</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your request is saved and will be sent as soon as the connection is back.</source>
        <translation>The kiosk is offline. Your request is saved and will be sent as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Please ask staff</source>
        <translation>Please ask staff</translation>
    </message>
</context>
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
    <message>
        <source>● Listening… please speak now</source>
        <translation>● Listening… please speak now</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Page {current} of {pages}</source>
        <translation>Page {current} of {pages}</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>More ▶</source>
        <translation>More ▶</translation>
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
    <message>
        <source>Ambulance</source>
        <extracomment>Stable English page name used by navigation, ``current_page()`` and screenshots. A text size of the page's own (staff pages), instead of the senior's choice.</extracomment>
        <translation>Ambulance</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Fire</source>
        <extracomment>The page's content changed while it may be shown (see ``notify_content_changed``).</extracomment>
        <translation>Fire</translation>
    </message>
    <message>
        <source>Cancelled. The service centre knows you are all right.</source>
        <translation>Cancelled. The service centre knows you are all right.</translation>
    </message>
    <message>
        <source>Cancelling. We are telling the service centre that you are all right.</source>
        <translation>Cancelling. We are telling the service centre that you are all right.</translation>
    </message>
    <message>
        <source>{name} at the service centre has seen your call. Help is on the way.</source>
        <translation>{name} at the service centre has seen your call. Help is on the way.</translation>
    </message>
    <message>
        <source>Your call for help is saved, but this kiosk has no service centre to send it to.</source>
        <translation>Your call for help is saved, but this kiosk has no service centre to send it to.</translation>
    </message>
    <message>
        <source>We cannot reach the service centre yet. We keep trying.</source>
        <translation>We cannot reach the service centre yet. We keep trying.</translation>
    </message>
    <message>
        <source>If you need help now, press the red Emergency button at the top.</source>
        <translation>If you need help now, press the red Emergency button at the top.</translation>
    </message>
    <message>
        <source>Your call for help is being sent. Please stay where you are.</source>
        <translation>Your call for help is being sent. Please stay where you are.</translation>
    </message>
    <message>
        <source>The service centre has your call for help. Please stay where you are.</source>
        <translation>The service centre has your call for help. Please stay where you are.</translation>
    </message>
    <message>
        <source>An operator has seen your call. Help is on the way.</source>
        <translation>An operator has seen your call. Help is on the way.</translation>
    </message>
    <message>
        <source>The service centre has finished with your call for help.</source>
        <translation>The service centre has finished with your call for help.</translation>
    </message>
    <message>
        <source>Call for help sent</source>
        <translation>Call for help sent</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Received by the service centre</source>
        <translation>Received by the service centre</translation>
    </message>
    <message>
        <source>Seen by {name}</source>
        <translation>Seen by {name}</translation>
    </message>
    <message>
        <source>Seen by an operator</source>
        <translation>Seen by an operator</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Help is on the way</source>
        <translation>Help is on the way</translation>
    </message>
    <message>
        <source>If this kiosk cannot reach anyone, call:</source>
        <translation>If this kiosk cannot reach anyone, call:</translation>
    </message>
    <message>
        <source>Please call one of these numbers now, or ask anyone nearby for help:</source>
        <translation>Please call one of these numbers now, or ask anyone nearby for help:</translation>
    </message>
    <message>
        <source>If you can, call one of these numbers, or ask anyone nearby for help:</source>
        <translation>If you can, call one of these numbers, or ask anyone nearby for help:</translation>
    </message>
    <message>
        <source>Phoning the service centre ...</source>
        <translation>Phoning the service centre ...</translation>
    </message>
    <message>
        <source>On the phone with the service centre. Speak now.</source>
        <translation>On the phone with the service centre. Speak now.</translation>
    </message>
    <message>
        <source>The phone call has ended.</source>
        <translation>The phone call has ended.</translation>
    </message>
    <message>
        <source>The phone call could not be made. Your call for help goes on without it.</source>
        <translation>The phone call could not be made. Your call for help goes on without it.</translation>
    </message>
    <message>
        <source>DRILL - practice only. Staff: please check this kiosk.</source>
        <translation>DRILL - practice only. Staff: please check this kiosk.</translation>
    </message>
    <message>
        <source>EMERGENCY - staff: please come to this kiosk now.</source>
        <translation>EMERGENCY - staff: please come to this kiosk now.</translation>
    </message>
    <message>
        <source>Emergency drill (practice)</source>
        <translation>Emergency drill (practice)</translation>
    </message>
    <message>
        <source>Calling for help</source>
        <translation>Calling for help</translation>
    </message>
    <message>
        <source>Cancel - I am all right ({seconds})</source>
        <translation>Cancel - I am all right ({seconds})</translation>
    </message>
    <message>
        <source>Done - back to the start</source>
        <translation>Done - back to the start</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>This kiosk's storage is full, so nothing was saved. Please ask staff.</source>
        <translation>This kiosk's storage is full, so nothing was saved. Please ask staff.</translation>
    </message>
    <message>
        <source>This kiosk cannot read or save its data. Please ask staff.</source>
        <translation>This kiosk cannot read or save its data. Please ask staff.</translation>
    </message>
    <message>
        <source>Something went wrong on this kiosk. Nothing was sent. Please try again.</source>
        <translation>Something went wrong on this kiosk. Nothing was sent. Please try again.</translation>
    </message>
    <message>
        <source>Offline: showing saved information from {age}.</source>
        <translation>Offline: showing saved information from {age}.</translation>
    </message>
    <message>
        <source>Information from {age}.</source>
        <translation>Information from {age}.</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your request will be saved and sent as soon as the connection is back; until then it waits for confirmation.</source>
        <translation>The kiosk is offline. Your request will be saved and sent as soon as the connection is back; until then it waits for confirmation.</translation>
    </message>
    <message>
        <source>This kiosk cannot save anything just now, so nothing was sent. Please ask staff.</source>
        <translation>This kiosk cannot save anything just now, so nothing was sent. Please ask staff.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{weekday} {day} {month}</source>
        <translation>{weekday} {day} {month}</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Today, {date}</translation>
    </message>
    <message>
        <source>Tomorrow, {date}</source>
        <translation>Tomorrow, {date}</translation>
    </message>
    <message>
        <source>January</source>
        <translation>January</translation>
    </message>
    <message>
        <source>February</source>
        <translation>February</translation>
    </message>
    <message>
        <source>March</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <source>June</source>
        <translation>June</translation>
    </message>
    <message>
        <source>July</source>
        <translation>July</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>December</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n} min ago</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n} h ago</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n} days ago</translation>
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
    <message>
        <source>New requests cannot be saved: please ask staff</source>
        <translation>New requests cannot be saved: please ask staff</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>Doctor</source>
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
    <name>Identify</name>
    <message>
        <source>An ID number has 18 characters; you have entered {count}.</source>
        <translation>An ID number has 18 characters; you have entered {count}.</translation>
    </message>
    <message>
        <source>Only digits and a final X are allowed.</source>
        <translation>Only digits and a final X are allowed.</translation>
    </message>
    <message>
        <source>The first six digits are not a valid region code — please check them.</source>
        <translation>The first six digits are not a valid region code — please check them.</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is not a real date — please check them.</source>
        <translation>The birth date in this number (digits 7 to 14) is not a real date — please check them.</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is in the future — please check them.</source>
        <translation>The birth date in this number (digits 7 to 14) is in the future — please check them.</translation>
    </message>
    <message>
        <source>The birth date in this number (digits 7 to 14) is too long ago — please check them.</source>
        <translation>The birth date in this number (digits 7 to 14) is too long ago — please check them.</translation>
    </message>
    <message>
        <source>The last digit does not match — please check the card.</source>
        <translation>The last digit does not match — please check the card.</translation>
    </message>
    <message>
        <source>Please enter your ID card number</source>
        <translation>Please enter your ID card number</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>The number is complete. Press OK, or press Delete to correct it.</source>
        <translation>The number is complete. Press OK, or press Delete to correct it.</translation>
    </message>
    <message>
        <source>X can only be the last of the 18 characters.</source>
        <translation>X can only be the last of the 18 characters.</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Card read.</source>
        <translation>Card read.</translation>
    </message>
    <message>
        <source>Please type your ID card number first, or hold your card to the reader.</source>
        <translation>Please type your ID card number first, or hold your card to the reader.</translation>
    </message>
    <message>
        <source>Thank you. Your ID card number is correct.</source>
        <translation>Thank you. Your ID card number is correct.</translation>
    </message>
    <message>
        <source>Digits entered: {count} / 18</source>
        <translation>Digits entered: {count} / 18</translation>
    </message>
    <message>
        <source>Type the number on the keypad and press OK, or hold your card to the card reader.</source>
        <translation>Type the number on the keypad and press OK, or hold your card to the card reader.</translation>
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
    <name>Keyboard</name>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
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
    <name>Meals</name>
    <message>
        <source>Low salt</source>
        <translation>Low salt</translation>
    </message>
    <message>
        <source>Low sugar</source>
        <translation>Low sugar</translation>
    </message>
    <message>
        <source>Soft</source>
        <translation>Soft</translation>
    </message>
    <message>
        <source>Vegetarian</source>
        <translation>Vegetarian</translation>
    </message>
    <message>
        <source>Halal</source>
        <translation>Halal</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Dinner</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunch</translation>
    </message>
    <message>
        <source>Collect it at the canteen</source>
        <translation>Collect it at the canteen</translation>
    </message>
    <message>
        <source>Deliver it to my home</source>
        <translation>Deliver it to my home</translation>
    </message>
    <message>
        <source>Eat at the canteen</source>
        <translation>Eat at the canteen</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>Waiting for confirmation</translation>
    </message>
    <message>
        <source>Order received</source>
        <translation>Order received</translation>
    </message>
    <message>
        <source>Being prepared</source>
        <translation>Being prepared</translation>
    </message>
    <message>
        <source>On its way to you</source>
        <translation>On its way to you</translation>
    </message>
    <message>
        <source>Ready to collect</source>
        <translation>Ready to collect</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Cancellation sent</source>
        <translation>Cancellation sent</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Could not be ordered</source>
        <translation>Could not be ordered</translation>
    </message>
    <message>
        <source>Ordering for this meal has closed for today.</source>
        <translation>Ordering for this meal has closed for today.</translation>
    </message>
    <message>
        <source>The canteen no longer offers this meal.</source>
        <translation>The canteen no longer offers this meal.</translation>
    </message>
    <message>
        <source>The price of this meal has changed.</source>
        <translation>The price of this meal has changed.</translation>
    </message>
    <message>
        <source>This meal is sold out.</source>
        <translation>This meal is sold out.</translation>
    </message>
    <message>
        <source>The canteen does not offer this way of getting the meal.</source>
        <translation>The canteen does not offer this way of getting the meal.</translation>
    </message>
    <message>
        <source>Home delivery from this canteen is for older residents only.</source>
        <translation>Home delivery from this canteen is for older residents only.</translation>
    </message>
    <message>
        <source>It is too late to cancel this order.</source>
        <translation>It is too late to cancel this order.</translation>
    </message>
    <message>
        <source>The service centre could not accept this order.</source>
        <translation>The service centre could not accept this order.</translation>
    </message>
    <message>
        <source>Today's dinner</source>
        <translation>Today's dinner</translation>
    </message>
    <message>
        <source>Today's lunch</source>
        <translation>Today's lunch</translation>
    </message>
    <message>
        <source>Tomorrow's dinner</source>
        <translation>Tomorrow's dinner</translation>
    </message>
    <message>
        <source>Tomorrow's lunch</source>
        <translation>Tomorrow's lunch</translation>
    </message>
    <message>
        <source>{day}, {meal}</source>
        <translation>{day}, {meal}</translation>
    </message>
    <message>
        <source>Ordering closed at {time}</source>
        <translation>Ordering closed at {time}</translation>
    </message>
    <message>
        <source>Price: {amount}</source>
        <translation>Price: {amount}</translation>
    </message>
    <message>
        <source>Senior discount (you pay {percent}%): −{amount}</source>
        <translation>Senior discount (you pay {percent}%): −{amount}</translation>
    </message>
    <message>
        <source>Daily meal subsidy: −{amount}</source>
        <translation>Daily meal subsidy: −{amount}</translation>
    </message>
    <message>
        <source>You pay: {amount}</source>
        <translation>You pay: {amount}</translation>
    </message>
    <message>
        <source>A daily subsidy may lower this at the counter when your card is checked.</source>
        <translation>A daily subsidy may lower this at the counter when your card is checked.</translation>
    </message>
    <message>
        <source>Order or cancel by {time} on the day of the meal.</source>
        <translation>Order or cancel by {time} on the day of the meal.</translation>
    </message>
    <message>
        <source>Ordering for ID number {masked}</source>
        <translation>Ordering for ID number {masked}</translation>
    </message>
    <message>
        <source>to order a meal or check an order</source>
        <translation>to order a meal or check an order</translation>
    </message>
    <message>
        <source>This kiosk has no canteen information yet. It needs a connection to the service centre; please ask staff.</source>
        <translation>This kiosk has no canteen information yet. It needs a connection to the service centre; please ask staff.</translation>
    </message>
    <message>
        <source>Which canteen?</source>
        <translation>Which canteen?</translation>
    </message>
    <message>
        <source>My meal orders</source>
        <translation>My meal orders</translation>
    </message>
    <message>
        <source>This canteen has no meals on its menu for today or tomorrow.</source>
        <translation>This canteen has no meals on its menu for today or tomorrow.</translation>
    </message>
    <message>
        <source>Which meal?</source>
        <translation>Which meal?</translation>
    </message>
    <message>
        <source>How would you like your meal?</source>
        <translation>How would you like your meal?</translation>
    </message>
    <message>
        <source>The price has changed since the menu was shown. Please check it again.</source>
        <translation>The price has changed since the menu was shown. Please check it again.</translation>
    </message>
    <message>
        <source>Please check your order</source>
        <translation>Please check your order</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Order this meal</source>
        <translation>Order this meal</translation>
    </message>
    <message>
        <source>The meal could not be ordered</source>
        <translation>The meal could not be ordered</translation>
    </message>
    <message>
        <source>Your meal is ordered</source>
        <translation>Your meal is ordered</translation>
    </message>
    <message>
        <source>The kiosk is offline. Your order is saved and will be sent as soon as the connection is back. The order number appears here then.</source>
        <translation>The kiosk is offline. Your order is saved and will be sent as soon as the connection is back. The order number appears here then.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>You have no meal orders at this kiosk.</source>
        <translation>You have no meal orders at this kiosk.</translation>
    </message>
    <message>
        <source>Cancel this order</source>
        <translation>Cancel this order</translation>
    </message>
    <message>
        <source>Cancel this meal order?</source>
        <translation>Cancel this meal order?</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>Keep the order</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>Yes, cancel it</translation>
    </message>
    <message>
        <source>An earlier order could not be placed</source>
        <translation>An earlier order could not be placed</translation>
    </message>
    <message>
        <source>Choose a meal</source>
        <translation>Choose a meal</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <source>A mobile number has 11 digits; a Shanghai landline has 8. Please check.</source>
        <translation>A mobile number has 11 digits; a Shanghai landline has 8. Please check.</translation>
    </message>
    <message>
        <source>Please type digits only.</source>
        <translation>Please type digits only.</translation>
    </message>
    <message>
        <source>That is a service number. Please give a number we can call you on.</source>
        <translation>That is a service number. Please give a number we can call you on.</translation>
    </message>
    <message>
        <source>Please give a mobile number or a Shanghai landline.</source>
        <translation>Please give a mobile number or a Shanghai landline.</translation>
    </message>
    <message>
        <source>This does not look like a phone number. Please check it.</source>
        <translation>This does not look like a phone number. Please check it.</translation>
    </message>
    <message>
        <source>Which phone number should we call?</source>
        <translation>Which phone number should we call?</translation>
    </message>
    <message>
        <source>The number is complete. Press OK, or press Delete to correct it.</source>
        <translation>The number is complete. Press OK, or press Delete to correct it.</translation>
    </message>
    <message>
        <source>Please type your phone number first.</source>
        <translation>Please type your phone number first.</translation>
    </message>
    <message>
        <source>Thank you. We will call this number.</source>
        <translation>Thank you. We will call this number.</translation>
    </message>
    <message>
        <source>Type your mobile or home phone number and press OK.</source>
        <translation>Type your mobile or home phone number and press OK.</translation>
    </message>
    <message>
        <source>Digits entered: {count}</source>
        <translation>Digits entered: {count}</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>The printer is not available. Please write down the number.</source>
        <translation>The printer is not available. Please write down the number.</translation>
    </message>
    <message>
        <source>Your slip is printing. Please take it from the printer.</source>
        <translation>Your slip is printing. Please take it from the printer.</translation>
    </message>
    <message>
        <source>Appointment slip</source>
        <translation>Appointment slip</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <source>Sorry, please say it again or touch the screen.</source>
        <translation>Sorry, please say it again or touch the screen.</translation>
    </message>
    <message>
        <source>No microphone found. Voice input is off; the touch screen still works.</source>
        <translation>No microphone found. Voice input is off; the touch screen still works.</translation>
    </message>
    <message>
        <source>Voice input is not available in this language on this kiosk. Please touch the screen.</source>
        <translation>Voice input is not available in this language on this kiosk. Please touch the screen.</translation>
    </message>
    <message>
        <source>No speaker found, so nothing can be read aloud. Please read the screen.</source>
        <translation>No speaker found, so nothing can be read aloud. Please read the screen.</translation>
    </message>
</context>
</TS>