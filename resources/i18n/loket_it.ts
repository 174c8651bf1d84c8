<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name></name>
    <message>
        <source>%1 d</source>
        <translation>%1 g</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 g %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fatto</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>in pausa</translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <source>No service standard applies to this request.</source>
        <translation>A questa richiesta non si applica nessuno standard di servizio.</translation>
    </message>
    <message>
        <source>first response</source>
        <translation>prima risposta</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>risoluzione</translation>
    </message>
    <message>
        <source>Due %1 (%2)</source>
        <translation>Scadenza %1 (%2)</translation>
    </message>
    <message>
        <source>Overdue by %1 of working time</source>
        <translation>In ritardo di %1 di orario lavorativo</translation>
    </message>
    <message>
        <source>%1 of working time left</source>
        <translation>Restano %1 di orario lavorativo</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>Standard “%1”: %2 h</source>
        <translation>Standard «%1»: %2 h</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>ore lavorative</translation>
    </message>
    <message>
        <source>Within standard (%)</source>
        <translation>Entro lo standard (%)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Con risposta</translation>
    </message>
    <message>
        <source>First response median (h)</source>
        <translation>Prima risposta, mediana (h)</translation>
    </message>
    <message>
        <source>First response P90 (h)</source>
        <translation>Prima risposta, P90 (h)</translation>
    </message>
    <message>
        <source>Within standard</source>
        <translation>Entro lo standard</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Risolte</translation>
    </message>
    <message>
        <source>Resolution median (h)</source>
        <translation>Risoluzione, mediana (h)</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Riaperte</translation>
    </message>
    <message>
        <source>Department we waited on</source>
        <translation>Reparto atteso</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(senza nome)</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>Attese</translation>
    </message>
    <message>
        <source>Median wait (h)</source>
        <translation>Attesa mediana (h)</translation>
    </message>
    <message>
        <source>P90 wait (h)</source>
        <translation>Attesa P90 (h)</translation>
    </message>
    <message>
        <source>Total (h)</source>
        <translation>Totale (h)</translation>
    </message>
    <message>
        <source>Still waiting</source>
        <translation>Ancora in attesa</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages</source>
        <translation>%1: %2 di %3 messaggi</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>mancano %1</translation>
    </message>
    <message>
        <source>%1: checking for new mail…</source>
        <translation>%1: ricerca di nuova posta…</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: connessione in corso…</translation>
    </message>
    <message>
        <source>%1: up to date</source>
        <translation>%1: aggiornata</translation>
    </message>
    <message>
        <source>%1: cannot reach the server, reconnecting in %2</source>
        <translation>%1: server non raggiungibile, nuovo tentativo tra %2</translation>
    </message>
    <message>
        <source>%1: no password stored</source>
        <translation>%1: nessuna password salvata</translation>
    </message>
    <message>
        <source>%1: wrong password</source>
        <translation>%1: password errata</translation>
    </message>
    <message>
        <source>%1: sync stopped (%2)</source>
        <translation>%1: sincronizzazione interrotta (%2)</translation>
    </message>
    <message>
        <source>%1: not syncing</source>
        <translation>%1: non sincronizzata</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>scaduto</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avviso</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>in tempo</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit mailbox</source>
        <translation>Modifica casella di posta</translation>
    </message>
    <message>
        <source>Add a department mailbox</source>
        <translation>Aggiungi la casella di un reparto</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Prova &amp;connessione</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Rimuovi…</translation>
    </message>
    <message>
        <source>unchanged (stored in the keyring)</source>
        <translation>invariata (salvata nel portachiavi)</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Nessuna (solo questo computer)</translation>
    </message>
    <message>
        <source>E-mail &amp;address:</source>
        <translation>Indirizzo e-m&amp;ail:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nome visuali&amp;zzato:</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nome account:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>&amp;IMAP server:</source>
        <translation>Server &amp;IMAP:</translation>
    </message>
    <message>
        <source>IMAP p&amp;ort:</source>
        <translation>P&amp;orta IMAP:</translation>
    </message>
    <message>
        <source>IMAP &amp;security:</source>
        <translation>&amp;Sicurezza IMAP:</translation>
    </message>
    <message>
        <source>S&amp;MTP server:</source>
        <translation>Server S&amp;MTP:</translation>
    </message>
    <message>
        <source>SMTP po&amp;rt:</source>
        <translation>Porta SM&amp;TP:</translation>
    </message>
    <message>
        <source>SMTP s&amp;ecurity:</source>
        <translation>Sicur&amp;ezza SMTP:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Fuso orario:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>Public &amp;holidays:</source>
        <translation>&amp;Giorni festivi:</translation>
    </message>
    <message>
        <source>Servers guessed from the domain: check them with your mail provider.</source>
        <translation>Server dedotti dal dominio: verificali con il tuo provider di posta.</translation>
    </message>
    <message>
        <source>Settings for %1.</source>
        <translation>Impostazioni per %1.</translation>
    </message>
    <message>
        <source>Enter the password to test the connection.</source>
        <translation>Inserisci la password per provare la connessione.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connessione in corso…</translation>
    </message>
    <message>
        <source>Connected: the server accepted the login for receiving and sending.</source>
        <translation>Connesso: il server ha accettato l’accesso per ricevere e inviare.</translation>
    </message>
    <message>
        <source>Enter the mailbox&apos;s password: Loket keeps it in the system keyring.</source>
        <translation>Inserisci la password della casella: Loket la conserva nel portachiavi di sistema.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvataggio…</translation>
    </message>
    <message>
        <source>Remove mailbox</source>
        <translation>Rimuovi casella di posta</translation>
    </message>
    <message>
        <source>Remove this mailbox and its requests from this computer? The mail stays on the server, and a later sync can bring it back.</source>
        <translation>Rimuovere questa casella e le sue richieste da questo computer? La posta resta sul server e una sincronizzazione successiva può recuperarla.</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>Il server ha rifiutato il nome utente o la password.</translation>
    </message>
    <message>
        <source>The secure connection was refused: the certificate is not trusted or the security setting does not match the server.</source>
        <translation>La connessione sicura è stata rifiutata: il certificato non è attendibile o l’impostazione di sicurezza non corrisponde al server.</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the server name, the port and the network.</source>
        <translation>Il server non è raggiungibile: controlla il nome del server, la porta e la rete.</translation>
    </message>
    <message>
        <source>The system keyring did not store the password.</source>
        <translation>Il portachiavi di sistema non ha salvato la password.</translation>
    </message>
    <message>
        <source>A setting cannot work:</source>
        <translation>Un’impostazione non può funzionare:</translation>
    </message>
    <message>
        <source>Something unexpected went wrong:</source>
        <translation>Si è verificato un errore imprevisto:</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <source>&amp;Mailboxes</source>
        <translation>&amp;Caselle di posta</translation>
    </message>
    <message>
        <source>&amp;Add mailbox…</source>
        <translation>&amp;Aggiungi casella…</translation>
    </message>
    <message>
        <source>Edit %1…</source>
        <translation>Modifica %1…</translation>
    </message>
</context>
<context>
    <name>AlertControl</name>
    <message>
        <source>New request from %1</source>
        <translation>Nuova richiesta da %1</translation>
    </message>
    <message>
        <source>Request #%1 is about to breach its standard</source>
        <translation>La richiesta #%1 sta per superare lo standard</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new request(s)</source>
        <translation>
            <numerusform>%Ln nuova richiesta</numerusform>
            <numerusform>%Ln nuove richieste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) about to breach their standard</source>
        <translation>
            <numerusform>%Ln richiesta sta per superare lo standard</numerusform>
            <numerusform>%Ln richieste stanno per superare lo standard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Reply</source>
        <translation>Rispondi</translation>
    </message>
    <message>
        <source>Reply to all</source>
        <translation>Rispondi a tutti</translation>
    </message>
    <message>
        <source>Forward to a colleague</source>
        <translation>Inoltra a un collega</translation>
    </message>
    <message>
        <source>colleague@department.example</source>
        <translation>collega@reparto.example</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Lingua della risposta</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Status after sending</source>
        <translation>Stato dopo l&apos;invio</translation>
    </message>
    <message>
        <source>Also send as HTML</source>
        <translation>Invia anche in HTML</translation>
    </message>
    <message>
        <source>Plain text always goes; some mail programs show an HTML copy more nicely</source>
        <translation>Il testo semplice viene sempre inviato; alcuni programmi di posta mostrano meglio una copia HTML</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Oggetto:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modello:</translation>
    </message>
    <message>
        <source>Status after sending:</source>
        <translation>Stato dopo l’invio:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Trascina qui i file da allegare</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Allega…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Invia</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(nessun modello)</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Conferma di ricezione</translation>
    </message>
    <message>
        <source>Asking for more information</source>
        <translation>Richiesta di informazioni</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Risolta</translation>
    </message>
    <message>
        <source>Forwarded to a colleague</source>
        <translation>Inoltrata a un collega</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Allega file</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Allegati: %1</translation>
    </message>
    <message>
        <source>large: many mail servers refuse messages of this size</source>
        <translation>grande: molti server di posta rifiutano messaggi di queste dimensioni</translation>
    </message>
    <message>
        <source>Name at least one recipient.</source>
        <translation>Indica almeno un destinatario.</translation>
    </message>
    <message>
        <source>Checking the request for anything newer…</source>
        <translation>Verifica di novità nella richiesta…</translation>
    </message>
    <message>
        <source>Still to fill in: %1</source>
        <translation>Ancora da compilare: %1</translation>
    </message>
    <message>
        <source>Placeholders not filled in</source>
        <translation>Segnaposto non compilati</translation>
    </message>
    <message>
        <source>The reply still contains %1, which the requester would read as written. Send anyway?</source>
        <translation>La risposta contiene ancora %1, che il richiedente leggerebbe così com&apos;è. Inviare comunque?</translation>
    </message>
    <message>
        <source>Large attachments</source>
        <translation>Allegati grandi</translation>
    </message>
    <message>
        <source>The attachments add up to %1; many mail servers refuse messages this large. Send anyway?</source>
        <translation>Gli allegati occupano in tutto %1; molti server di posta rifiutano messaggi così grandi. Inviare comunque?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Invia comunque</translation>
    </message>
    <message>
        <source>Something newer arrived in this request: read it, then send.</source>
        <translation>In questa richiesta è arrivato qualcosa di nuovo: leggilo, poi invia.</translation>
    </message>
    <message>
        <source>Newer in this request:</source>
        <translation>Novità in questa richiesta:</translation>
    </message>
    <message>
        <source>reply from the desk</source>
        <translation>risposta dello sportello</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Invio in corso…</translation>
    </message>
    <message>
        <source>The server refused the reply: %1. It is kept in the outbox as failed.</source>
        <translation>Il server ha rifiutato la risposta: %1. Resta nella posta in uscita come non riuscita.</translation>
    </message>
    <message>
        <source>Sent, but not yet filed in Sent (%1); Loket finishes that on its next try.</source>
        <translation>Inviata, ma non ancora archiviata in Inviata (%1); Loket lo completa al prossimo tentativo.</translation>
    </message>
    <message>
        <source>Not sent yet (%1). The reply waits in the outbox and is retried automatically.</source>
        <translation>Non ancora inviata (%1). La risposta attende nella posta in uscita e viene ritentata automaticamente.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Could not continue: %1</source>
        <translation>Impossibile continuare: %1</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct and send again</source>
        <translation>Correggi e invia di nuovo</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Il server ha risposto: %1</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Invia di nuovo</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Lingua di sistema</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loket</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <source>Search subject, text and requester (Ctrl+F)</source>
        <translation>Cerca in oggetto, testo e richiedente (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Finds requests by subject, text and requester</source>
        <translation>Trova le richieste per oggetto, testo e richiedente</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizza ora</translation>
    </message>
    <message>
        <source>Service s&amp;tandards…</source>
        <translation>S&amp;tandard di servizio…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Trova</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Cancella ricerca</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Richiesta</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Rispondi…</translation>
    </message>
    <message>
        <source>Reply to &amp;all…</source>
        <translation>Rispondi a &amp;tutti…</translation>
    </message>
    <message>
        <source>&amp;Forward to a colleague…</source>
        <translation>&amp;Inoltra a un collega…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Rispondi</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Assegna a me</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Risolvi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>Go to &amp;queues</source>
        <translation>Vai alle c&amp;ode</translation>
    </message>
    <message>
        <source>Go to request &amp;list</source>
        <translation>Vai all’&amp;elenco richieste</translation>
    </message>
    <message>
        <source>Go to &amp;conversation</source>
        <translation>Vai alla &amp;conversazione</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>&amp;Richieste</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>S&amp;tatistiche</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <source>No mailbox account yet</source>
        <translation>Ancora nessuna casella di posta</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln richiesta</numerusform>
            <numerusform>%Ln richieste</numerusform>
        </translation>
    </message>
    <message>
        <source>Loket – demo mailbox</source>
        <translation>Loket – casella demo</translation>
    </message>
</context>
<context>
    <name>ManualRequestDialog</name>
    <message>
        <source>New request by hand</source>
        <translation>Nuova richiesta manuale</translation>
    </message>
    <message>
        <source>Requester &amp;e-mail:</source>
        <translation>&amp;E-mail del richiedente:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canale:</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonata</translation>
    </message>
    <message>
        <source>Visit at the desk</source>
        <translation>Visita allo sportello</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Oggetto:</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>Cosa è stato chiesto</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>No&amp;te:</translation>
    </message>
</context>
<context>
    <name>NotificationMenu</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifiche</translation>
    </message>
    <message>
        <source>Notify of &amp;new requests</source>
        <translation>Notifica le &amp;nuove richieste</translation>
    </message>
    <message>
        <source>Notify of requests about to &amp;breach</source>
        <translation>Notifica le richieste in &amp;scadenza</translation>
    </message>
    <message>
        <source>&amp;Keep syncing in the tray when the window is closed</source>
        <translation>&amp;Continua a sincronizzare nell&apos;area di notifica dopo la chiusura</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Richiesta</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Prossimo tentativo</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Ultimo errore</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>In attesa di invio</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>In invio</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviata</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rifiutata</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Outbox</source>
        <translation>Posta in uscita</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Invia ora</translation>
    </message>
    <message>
        <source>Try every waiting reply now, without waiting for the next try</source>
        <translation>Prova ora tutte le risposte in attesa, senza aspettare il prossimo tentativo</translation>
    </message>
    <message>
        <source>Correct and send again…</source>
        <translation>Correggi e invia di nuovo…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Invio in corso…</translation>
    </message>
    <message>
        <source>Name at least one recipient.</source>
        <translation>Indica almeno un destinatario.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Nulla in attesa di invio.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <source>%Ln request(s), longest waiting %1</source>
        <translation>
            <numerusform>%Ln richiesta, attesa massima %1</numerusform>
            <numerusform>%Ln richieste, attesa massima %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestListModel</name>
    <message>
        <source>Timer</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Richiedente</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assegnatario</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ricevuta</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(nessun oggetto)</translation>
    </message>
</context>
<context>
    <name>RequestView</name>
    <message>
        <source>No request selected</source>
        <translation>Nessuna richiesta selezionata</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Richiesta n. %1</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>assegnata a %1</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>non assegnata</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>priorità %1</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Richiedente</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversazione</translation>
    </message>
    <message>
        <source>Who asked, their other open requests and their history</source>
        <translation>Chi ha chiesto, le sue altre richieste aperte e la cronologia</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatico</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Allegato:</translation>
    </message>
    <message>
        <source>Remote images in this message are blocked.</source>
        <translation>Le immagini esterne in questo messaggio sono bloccate.</translation>
    </message>
    <message>
        <source>Load remote images</source>
        <translation>Carica immagini esterne</translation>
    </message>
    <message>
        <source>%1 requests in all</source>
        <translation>%1 richieste in tutto</translation>
    </message>
    <message>
        <source>median first response %1</source>
        <translation>prima risposta mediana %1</translation>
    </message>
    <message>
        <source>Also open</source>
        <translation>Altre aperte</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Salva allegato</translation>
    </message>
</context>
<context>
    <name>StandardsDialog</name>
    <message>
        <source>Service standards</source>
        <translation>Standard di servizio</translation>
    </message>
    <message>
        <source>&amp;New standard</source>
        <translation>N&amp;uovo standard</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ri&amp;muovi…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Sal&amp;va</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>e.g. Facilities, first answer</source>
        <translation>es. Servizi generali, prima risposta</translation>
    </message>
    <message>
        <source>&amp;First answer within</source>
        <translation>&amp;Prima risposta entro</translation>
    </message>
    <message>
        <source>e.g. 4h, 90m, 1d</source>
        <translation>es. 4h, 90m, 1d</translation>
    </message>
    <message>
        <source>Resol&amp;ved within</source>
        <translation>Ri&amp;solta entro</translation>
    </message>
    <message>
        <source>optional, e.g. 3d (working days)</source>
        <translation>facoltativo, es. 3d (giorni lavorativi)</translation>
    </message>
    <message>
        <source>&amp;Warn at</source>
        <translation>&amp;Avvisa al</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>&amp;Casella di posta</translation>
    </message>
    <message>
        <source>every mailbox</source>
        <translation>ogni casella di posta</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Reparto</translation>
    </message>
    <message>
        <source>any department</source>
        <translation>qualsiasi reparto</translation>
    </message>
    <message>
        <source>Re&amp;quester</source>
        <translation>Ri&amp;chiedente</translation>
    </message>
    <message>
        <source>any requester (or one address)</source>
        <translation>qualsiasi richiedente (o un indirizzo)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>Ca&amp;tegoria</translation>
    </message>
    <message>
        <source>any category</source>
        <translation>qualsiasi categoria</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>Priori&amp;tà</translation>
    </message>
    <message>
        <source>any priority</source>
        <translation>qualsiasi priorità</translation>
    </message>
    <message>
        <source>every request</source>
        <translation>ogni richiesta</translation>
    </message>
    <message>
        <source>Targets count in working time of: %1</source>
        <translation>Gli obiettivi contano nell&apos;orario di lavoro di: %1</translation>
    </message>
    <message>
        <source>Targets count in working time of the mailbox&apos;s calendar.</source>
        <translation>Gli obiettivi contano nell&apos;orario di lavoro del calendario della casella di posta.</translation>
    </message>
    <message>
        <source>Saving and recomputing due dates…</source>
        <translation>Salvataggio e ricalcolo delle scadenze…</translation>
    </message>
    <message>
        <source>Saved: due dates of open requests are recomputed.</source>
        <translation>Salvato: le scadenze delle richieste aperte sono ricalcolate.</translation>
    </message>
    <message>
        <source>Remove standard</source>
        <translation>Rimuovi standard</translation>
    </message>
    <message>
        <source>Remove this standard? Its open requests fall back to the next standard that fits.</source>
        <translation>Rimuovere questo standard? Le sue richieste aperte passano al prossimo standard adatto.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Rimosso.</translation>
    </message>
    <message>
        <source>The standard was not changed:</source>
        <translation>Lo standard non è stato modificato:</translation>
    </message>
    <message>
        <source>Something unexpected went wrong:</source>
        <translation>Si è verificato un errore imprevisto:</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>First response per week (business hours)</source>
        <translation>Prima risposta per settimana (ore lavorative)</translation>
    </message>
    <message>
        <source>Share within standard per week</source>
        <translation>Quota entro lo standard per settimana</translation>
    </message>
    <message>
        <source>Figures by group</source>
        <translation>Dati per gruppo</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Richiedente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Reparti</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>Richiedenti</translation>
    </message>
    <message>
        <source>We waited on</source>
        <translation>Chi abbiamo atteso</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Ultime 4 settimane</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Ultimi 3 mesi</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Ultimi 12 mesi</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Quest’anno</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Date scelte</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Ricevute dal</translation>
    </message>
    <message>
        <source>Received until</source>
        <translation>Ricevute fino al</translation>
    </message>
    <message>
        <source>Received </source>
        <translation>Ricevute </translation>
    </message>
    <message>
        <source> from </source>
        <translation> dal </translation>
    </message>
    <message>
        <source> to </source>
        <translation> al </translation>
    </message>
    <message>
        <source>a row per request</source>
        <translation>una riga per richiesta</translation>
    </message>
    <message>
        <source>a row per requester</source>
        <translation>una riga per richiedente</translation>
    </message>
    <message>
        <source>a row per department</source>
        <translation>una riga per reparto</translation>
    </message>
    <message>
        <source>a row per colleague</source>
        <translation>una riga per collega</translation>
    </message>
    <message>
        <source>a row per month</source>
        <translation>una riga per mese</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Esporta…</translation>
    </message>
    <message>
        <source>Save the figures of this period as an Excel workbook or CSV</source>
        <translation>Salva i dati di questo periodo come cartella di lavoro Excel o CSV</translation>
    </message>
    <message>
        <source>The period starts after it ends: pick a later end date.</source>
        <translation>Il periodo inizia dopo la fine: scegli una data di fine successiva.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcolo in corso…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>Impossibile calcolare i dati: %1</translation>
    </message>
    <message>
        <source>No requests were received in this period.</source>
        <translation>In questo periodo non è arrivata nessuna richiesta.</translation>
    </message>
    <message>
        <source>%1 requests, %2 answered; first response median %3 h, P90 %4 h (business hours); %5 within standard; %6 resolved; %7 reopened</source>
        <translation>%1 richieste, %2 con risposta; prima risposta mediana %3 h, P90 %4 h (ore lavorative); %5 entro lo standard; %6 risolte; %7 riaperte</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Esporta statistiche</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Cartella di lavoro Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Esportazione in %1…</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 righe scritte in %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Esportazione non riuscita: %1</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>Enter password…</source>
        <translation>Inserisci password…</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Avanzamento della sincronizzazione</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: connessione in corso…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Password per %1:</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Loket</source>
        <translation>Mostra Loket</translation>
    </message>
    <message>
        <source>Quit Loket</source>
        <translation>Esci da Loket</translation>
    </message>
    <message numerus="yes">
        <source>Loket: %Ln open request(s)</source>
        <translation>
            <numerusform>Loket: %Ln richiesta aperta</numerusform>
            <numerusform>Loket: %Ln richieste aperte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <source>Set &amp;status</source>
        <translation>Imposta &amp;stato</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorità</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>Assegna a &amp;me</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Assegna a…</translation>
    </message>
    <message>
        <source>&amp;Category…</source>
        <translation>&amp;Categoria…</translation>
    </message>
    <message>
        <source>Add internal &amp;note…</source>
        <translation>Aggiungi &amp;nota interna…</translation>
    </message>
    <message>
        <source>&amp;New request by hand…</source>
        <translation>Nuova richiesta manua&amp;le…</translation>
    </message>
    <message>
        <source>&amp;Merge into request…</source>
        <translation>&amp;Unisci a una richiesta…</translation>
    </message>
    <message>
        <source>S&amp;plit message off…</source>
        <translation>Separa il messa&amp;ggio…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>set %1 of #%2 to %3</source>
        <translation>impostare %1 di #%2 a %3</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assegna</translation>
    </message>
    <message>
        <source>Colleague at the desk:</source>
        <translation>Collega dello sportello:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoria:</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
    <message>
        <source>Note (never mailed to the requester):</source>
        <translation>Nota (mai inviata al richiedente):</translation>
    </message>
    <message>
        <source>Add a mailbox account first.</source>
        <translation>Aggiungi prima una casella di posta.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unisci</translation>
    </message>
    <message>
        <source>Merge request #%1 into request number:</source>
        <translation>Unisci la richiesta n. %1 alla richiesta numero:</translation>
    </message>
    <message>
        <source>Move every message of #%1 into #%2? #%1 then leaves the lists.</source>
        <translation>Spostare tutti i messaggi di #%1 in #%2? #%1 sparisce poi dagli elenchi.</translation>
    </message>
    <message>
        <source>Merge requests</source>
        <translation>Unisci richieste</translation>
    </message>
    <message>
        <source>Only a request with several messages can be split.</source>
        <translation>Si può dividere solo una richiesta con più messaggi.</translation>
    </message>
    <message>
        <source>Split message off</source>
        <translation>Separa il messaggio</translation>
    </message>
    <message>
        <source>Message that starts a new request:</source>
        <translation>Messaggio che apre una nuova richiesta:</translation>
    </message>
</context>
<context>
    <name>priority</name>
    <message>
        <source>Low</source>
        <translation>Bassa</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
</context>
<context>
    <name>queues</name>
    <message>
        <source>All open</source>
        <translation>Tutte le aperte</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Assegnate a me</translation>
    </message>
    <message>
        <source>Waiting on requester</source>
        <translation>In attesa del richiedente</translation>
    </message>
    <message>
        <source>Waiting on colleague</source>
        <translation>In attesa di un collega</translation>
    </message>
    <message>
        <source>Breaching soon</source>
        <translation>In scadenza</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Scadute</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Risolte</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Reparti</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>Richiedenti</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuova</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aperta</translation>
    </message>
    <message>
        <source>Waiting on requester</source>
        <translation>In attesa del richiedente</translation>
    </message>
    <message>
        <source>Waiting on colleague</source>
        <translation>In attesa di un collega</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Risolta</translation>
    </message>
</context>
</TS>
