<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountDialog</name>
    <message numerus="yes">
        <source>This mailbox has %n reply(s) in the outbox that never reached the server. Removing the mailbox deletes them for good. Remove it anyway?</source>
        <translation>
            <numerusform>This mailbox has %n reply in the outbox that never reached the server. Removing the mailbox deletes it for good. Remove it anyway?</numerusform>
            <numerusform>This mailbox has %n replies in the outbox that never reached the server. Removing the mailbox deletes them for good. Remove it anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertControl</name>
    <message numerus="yes">
        <source>%Ln new request(s)</source>
        <translation>
            <numerusform>%Ln new request</numerusform>
            <numerusform>%Ln new requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) about to breach their standard</source>
        <translation>
            <numerusform>%Ln request about to breach its standard</numerusform>
            <numerusform>%Ln requests about to breach their standard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <source>%Ln request(s), longest waiting %1</source>
        <translation>
            <numerusform>%Ln request, longest waiting %1</numerusform>
            <numerusform>%Ln requests, longest waiting %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message numerus="yes">
        <source>Loket: %Ln open request(s)</source>
        <translation>
            <numerusform>Loket: %Ln open request</numerusform>
            <numerusform>Loket: %Ln open requests</numerusform>
        </translation>
    </message>
</context>
</TS>
