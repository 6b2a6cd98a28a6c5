<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <extracomment>What every personal number ``services.identity.redact`` masks is made of: at least ``MIN_REDACTED_DIGITS`` decimal digits (a Shanghai landline, ``21`` + 8 digits, is the</extracomment>
        <translation>Someone else took the last place at this time.</translation>
    </message>
    <message>
        <source>This time is no longer offered by the hospital.</source>
        <extracomment>shortest) and nothing but digits and ``NUMBER_PUNCTUATION``. Text without such a run cannot hold one. tests/unit/kiosk/test_logs.py checks both against the pattern.</extracomment>
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
        <source>Voice is not set up on this kiosk yet. Please read the screen.</source>
        <translation>Voice is not set up on this kiosk yet. Please read the screen.</translation>
    </message>
</context>
</TS>