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
        <source>Booked at this kiosk. Choose one to see it or cancel it.</source>
        <translation>Booked at this kiosk. Choose one to see it or cancel it.</translation>
    </message>
    <message>
        <source>You have no upcoming appointments booked here.</source>
        <translation>You have no upcoming appointments booked here.</translation>
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