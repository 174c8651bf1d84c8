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
        <source>%1 of working time from %2 falls due %3 (%4).</source>
        <translation>%1 di orario lavorativo da %2: scade %3 (%4).</translation>
    </message>
    <message>
        <source>%1: closed, public holiday %2</source>
        <translation>%1: chiuso, festività %2</translation>
    </message>
    <message>
        <source>%1: closed day</source>
        <translation>%1: giorno di chiusura</translation>
    </message>
    <message>
        <source>%1: no opening hours</source>
        <translation>%1: nessun orario di apertura</translation>
    </message>
    <message>
        <source>%1: paused %2–%3, %4 of opening time not counted</source>
        <translation>%1: in pausa %2–%3, %4 di apertura non conteggiati</translation>
    </message>
    <message>
        <source>%1: counted %2–%3 (%4)</source>
        <translation>%1: conteggiato %2–%3 (%4)</translation>
    </message>
    <message>
        <source>%1 min (%2 h)</source>
        <translation>%1 min (%2 h)</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Richieste ricevute</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Prima risposta, mediana</translation>
    </message>
    <message>
        <source>First response, P90</source>
        <translation>Prima risposta, P90</translation>
    </message>
    <message>
        <source>Resolution, median</source>
        <translation>Risoluzione, mediana</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Valutazioni</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>Soddisfazione (1–5)</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Cifre chiave</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Questo periodo</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Periodo precedente</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variazione</translation>
    </message>
    <message>
        <source>Times are business hours of each request&apos;s calendar; previous period: %1.</source>
        <translation>I tempi sono ore lavorative secondo il calendario di ogni richiesta; periodo precedente: %1.</translation>
    </message>
    <message>
        <source>Standard most requests fall under: “%1”, first response within %2.</source>
        <translation>Standard della maggior parte delle richieste: «%1», prima risposta entro %2.</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>Settimana per settimana</translation>
    </message>
    <message>
        <source>First response per week (business hours)</source>
        <translation>Prima risposta per settimana (ore lavorative)</translation>
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
        <source>Share within standard per week</source>
        <translation>Quota entro lo standard per settimana</translation>
    </message>
    <message>
        <source>No requests were received in this period.</source>
        <translation>In questo periodo non è arrivata nessuna richiesta.</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <source>Median (h)</source>
        <translation>Mediana (h)</translation>
    </message>
    <message>
        <source>P90 (h)</source>
        <translation>P90 (h)</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(nessun reparto)</translation>
    </message>
    <message>
        <source>Top requesters</source>
        <translation>Richiedenti più frequenti</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Richiedente</translation>
    </message>
    <message>
        <source>We waited on</source>
        <translation>Chi abbiamo atteso</translation>
    </message>
    <message>
        <source>Each colleague department the desk forwarded to (status “waiting on colleague”): how many requests, and the business hours they waited, finished waits only; waits still running are counted apart.</source>
        <translation>Ogni reparto di colleghi a cui lo sportello ha inoltrato (stato «in attesa di un collega»): quante richieste e quante ore lavorative hanno atteso, solo attese concluse; quelle ancora in corso sono contate a parte.</translation>
    </message>
    <message>
        <source>No request waited on a colleague department in this period.</source>
        <translation>In questo periodo nessuna richiesta ha atteso un altro reparto.</translation>
    </message>
    <message>
        <source>The longest waits</source>
        <translation>Le attese più lunghe</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Richiesta</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Waited on</source>
        <translation>In attesa di</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Ore lavorative</translation>
    </message>
    <message>
        <source>Per person</source>
        <translation>Per persona</translation>
    </message>
    <message>
        <source>Per-person figures are switched off for this mailbox: monitoring individual performance needs the works council&apos;s consent. The team&apos;s figures are on the first page.</source>
        <translation>Le cifre per persona sono disattivate per questa casella: il monitoraggio delle prestazioni individuali richiede il consenso della rappresentanza dei lavoratori. Le cifre del team sono nella prima pagina.</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>First response, median (h)</source>
        <translation>Prima risposta, mediana (h)</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(non assegnata)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>closed on the public holidays of %1</source>
        <translation>chiuso nei giorni festivi di %1</translation>
    </message>
    <message>
        <source>extra closed days: %1</source>
        <translation>giorni di chiusura aggiuntivi: %1</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definizioni</translation>
    </message>
    <message>
        <source>How often a resolved request of the period was opened again (by the requester or the desk).</source>
        <translation>Quante volte una richiesta risolta del periodo è stata riaperta (dal richiedente o dallo sportello).</translation>
    </message>
    <message>
        <source>The same number of days directly before the period, with the same definitions.</source>
        <translation>Lo stesso numero di giorni subito prima del periodo, con le stesse definizioni.</translation>
    </message>
    <message>
        <source>Time a request spent in the status “waiting on colleague”, per colleague department named when it was forwarded, in business hours of the request&apos;s calendar.</source>
        <translation>Tempo trascorso da una richiesta nello stato «in attesa di un collega», per reparto indicato all&apos;inoltro, in ore lavorative del calendario della richiesta.</translation>
    </message>
    <message>
        <source>Standards and calendars in force</source>
        <translation>Standard e calendari in vigore</translation>
    </message>
    <message>
        <source>first response within %1</source>
        <translation>prima risposta entro %1</translation>
    </message>
    <message>
        <source>resolved within %1</source>
        <translation>risolta entro %1</translation>
    </message>
    <message>
        <source>the mailbox&apos;s calendar</source>
        <translation>il calendario della casella</translation>
    </message>
    <message>
        <source>Mailbox %1</source>
        <translation>Casella %1</translation>
    </message>
    <message>
        <source>requests from %1</source>
        <translation>richieste da %1</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>tutte le richieste</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Service report</source>
        <translation>Rapporto di servizio</translation>
    </message>
    <message>
        <source>Loket · %1 · made %2</source>
        <translation>Loket · %1 · creato %2</translation>
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
        <source>Requests per week</source>
        <translation>Richieste per settimana</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ricevute</translation>
    </message>
    <message>
        <source>Who asks</source>
        <translation>Chi chiede</translation>
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
        <source>Colleague department</source>
        <translation>Reparto dei colleghi</translation>
    </message>
    <message>
        <source>Longest (h)</source>
        <translation>Più lunga (h)</translation>
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
        <source>%1: another Loket is syncing this mailbox; waiting for it</source>
        <translation>%1: un altro Loket sta sincronizzando questa casella; in attesa che finisca</translation>
    </message>
    <message>
        <source>%1: the disk is full; free some space, syncing again in %2</source>
        <translation>%1: il disco è pieno; libera spazio, nuova sincronizzazione tra %2</translation>
    </message>
    <message>
        <source>%1: another program holds the store&apos;s lock; trying again in %2</source>
        <translation>%1: un altro programma tiene bloccato l&apos;archivio; nuovo tentativo tra %2</translation>
    </message>
    <message>
        <source>%1: no password stored</source>
        <translation>%1: nessuna password salvata</translation>
    </message>
    <message>
        <source>%1: sign in again</source>
        <translation>%1: accedi di nuovo</translation>
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
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(nessun oggetto)</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Allegato:</translation>
    </message>
    <message>
        <source>Attached message</source>
        <translation>Messaggio allegato</translation>
    </message>
    <message>
        <source>Cancelled meeting</source>
        <translation>Riunione annullata</translation>
    </message>
    <message>
        <source>Answer to an invitation</source>
        <translation>Risposta a un invito</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invito</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dove</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizzatore</translation>
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
        <source>Sign in &amp;with:</source>
        <translation>Accesso t&amp;ramite:</translation>
    </message>
    <message>
        <source>A password</source>
        <translation>Una password</translation>
    </message>
    <message>
        <source>Microsoft 365</source>
        <translation>Microsoft 365</translation>
    </message>
    <message>
        <source>Google Workspace</source>
        <translation>Google Workspace</translation>
    </message>
    <message>
        <source>Another provider (OpenID Connect)</source>
        <translation>Un altro provider (OpenID Connect)</translation>
    </message>
    <message>
        <source>Issuer UR&amp;L:</source>
        <translation>UR&amp;L dell&apos;emittente:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>I&amp;D client:</translation>
    </message>
    <message>
        <source>Loket&apos;s ID at the provider</source>
        <translation>l&apos;ID di Loket presso il provider</translation>
    </message>
    <message>
        <source>Si&amp;gns in as:</source>
        <translation>Utente c&amp;he accede:</translation>
    </message>
    <message>
        <source>the address (or you, for a shared mailbox)</source>
        <translation>l&apos;indirizzo (o lei, per una casella condivisa)</translation>
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
        <source>&amp;File as history after (days):</source>
        <translation>Archiviare come storico &amp;dopo (giorni):</translation>
    </message>
    <message>
        <source>never: keep all open</source>
        <translation>mai: lasciare tutto aperto</translation>
    </message>
    <message>
        <source>On the first sync, and when the store is rebuilt, a request whose last message is older than this is filed as done, marked as history. A requester who writes again reopens it.</source>
        <translation>Alla prima sincronizzazione, e quando l&apos;archivio viene ricostruito, una richiesta il cui ultimo messaggio è più vecchio di così viene archiviata come risolta e segnata come storico. Se il richiedente scrive di nuovo, si riapre.</translation>
    </message>
    <message>
        <source>Microsoft</source>
        <translation>Microsoft</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>your provider</source>
        <translation>il suo provider</translation>
    </message>
    <message>
        <source>Sign in again with %1…</source>
        <translation>Accedi di nuovo con %1…</translation>
    </message>
    <message>
        <source>Sign in with %1…</source>
        <translation>Accedi con %1…</translation>
    </message>
    <message>
        <source>Enter the client ID under which Loket is registered at the provider.</source>
        <translation>Inserisca l&apos;ID client con cui Loket è registrato presso il provider.</translation>
    </message>
    <message>
        <source>Continue in the web browser that opened…</source>
        <translation>Prosegua nel browser web che si è aperto…</translation>
    </message>
    <message>
        <source>Signed in. Testing the connection…</source>
        <translation>Accesso eseguito. Verifica della connessione…</translation>
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
        <source>Sign in first, then the connection is tested.</source>
        <translation>Acceda prima; poi la connessione viene verificata.</translation>
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
        <source>Sign in first: Loket keeps the sign-in in the system keyring.</source>
        <translation>Acceda prima: Loket conserva l&apos;accesso nel portachiavi di sistema.</translation>
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
        <source>Unsent replies</source>
        <translation>Risposte non inviate</translation>
    </message>
    <message numerus="yes">
        <source>This mailbox has %n reply(s) in the outbox that never reached the server. Removing the mailbox deletes them for good. Remove it anyway?</source>
        <translation>
            <numerusform>Questa casella ha %n risposta nella posta in uscita che non ha mai raggiunto il server. Rimuovendo la casella andrà persa per sempre. Rimuoverla comunque?</numerusform>
            <numerusform>Questa casella ha %n risposte nella posta in uscita che non hanno mai raggiunto il server. Rimuovendo la casella andranno perse per sempre. Rimuoverla comunque?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed: send or discard the replies in the outbox first.</source>
        <translation>Non è stato rimosso nulla: prima invia o scarta le risposte nella posta in uscita.</translation>
    </message>
    <message>
        <source>The provider asks you to sign in again.</source>
        <translation>Il provider chiede di accedere di nuovo.</translation>
    </message>
    <message>
        <source>The sign-in did not succeed, or the server refused it.</source>
        <translation>L&apos;accesso non è riuscito, oppure il server lo ha rifiutato.</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>Il server ha rifiutato il nome utente o la password.</translation>
    </message>
    <message>
        <source>The port or the security setting looks wrong:</source>
        <translation>La porta o l&apos;impostazione di sicurezza sembra errata:</translation>
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
    <message>
        <source>Rating links in resolved replies (%1)</source>
        <translation>Link di valutazione nelle risposte di chiusura (%1)</translation>
    </message>
    <message>
        <source>A reply that resolves a request ends with links to rate the answer from 1 to 5</source>
        <translation>Una risposta che risolve una richiesta termina con link per valutarla da 1 a 5</translation>
    </message>
    <message>
        <source>Per-person figures (%1)</source>
        <translation>Cifre per persona (%1)</translation>
    </message>
    <message>
        <source>Off where the works council has not agreed to monitoring individual performance</source>
        <translation>Disattivate dove la rappresentanza dei lavoratori non ha acconsentito al monitoraggio delle prestazioni individuali</translation>
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
        <source>Write a reply first: an empty reply tells the requester nothing.</source>
        <translation>Scrivi prima una risposta: una risposta vuota non dice nulla al richiedente.</translation>
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
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong</source>
        <translation>Qualcosa è andato storto</translation>
    </message>
    <message>
        <source>Loket ran into an unexpected problem: %1</source>
        <translation>Loket ha incontrato un problema imprevisto: %1</translation>
    </message>
    <message>
        <source>The details are in the log file:
%1</source>
        <translation>I dettagli sono nel file di log:
%1</translation>
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
        <source>Your na&amp;me…</source>
        <translation>Il tuo no&amp;me…</translation>
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
        <source>Standard</source>
        <translation>Standard</translation>
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
    <name>RebuildDialog</name>
    <message>
        <source>The store is damaged</source>
        <translation>L&apos;archivio è danneggiato</translation>
    </message>
    <message>
        <source>Loket cannot read its store:
%1

Rebuild it from the mailbox? The damaged file is kept next to the new one, and what only this computer knew (accounts, service standards, departments, notes, replies not yet sent) is carried over as far as it can still be read.</source>
        <translation>Loket non riesce a leggere il suo archivio:
%1

Ricostruirlo dalla casella di posta? Il file danneggiato viene conservato accanto al nuovo, e ciò che solo questo computer sapeva (account, standard di servizio, reparti, note, risposte non ancora inviate) viene ripreso per quanto è ancora leggibile.</translation>
    </message>
    <message>
        <source>&amp;Rebuild</source>
        <translation>&amp;Ricostruisci</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Open Loket</source>
        <translation>&amp;Apri Loket</translation>
    </message>
    <message>
        <source>Rebuilding the store from the mailbox…</source>
        <translation>Ricostruzione dell&apos;archivio dalla casella di posta…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages</source>
        <translation>%1: %2 di %3 messaggi</translation>
    </message>
    <message>
        <source>The store was rebuilt: %1 messages fetched from the mailbox. The damaged file is kept as %2.</source>
        <translation>L&apos;archivio è stato ricostruito: %1 messaggi scaricati dalla casella di posta. Il file danneggiato è conservato come %2.</translation>
    </message>
    <message>
        <source>No mailbox could be read from the damaged file: add it again with Mailboxes ▸ Add mailbox.</source>
        <translation>Dal file danneggiato non è stato possibile leggere nessuna casella: aggiungila di nuovo con Caselle di posta ▸ Aggiungi casella.</translation>
    </message>
    <message>
        <source>%1 could not be synced yet (%2); Loket tries again once the window is open.</source>
        <translation>%1 non è ancora stato sincronizzato (%2); Loket riprova appena la finestra è aperta.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Save the period report</source>
        <translation>Salva il rapporto del periodo</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report to %1…</source>
        <translation>Scrittura del rapporto in %1…</translation>
    </message>
    <message>
        <source>The report is written to %1</source>
        <translation>Il rapporto è stato scritto in %1</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Non è stato possibile scrivere il rapporto: %1</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>RequestView</name>
    <message>
        <source>No request selected</source>
        <translation>Nessuna richiesta selezionata</translation>
    </message>
    <message>
        <source>%1 is replying</source>
        <translation>%1 sta rispondendo</translation>
    </message>
    <message>
        <source>%1 are replying</source>
        <translation>%1 stanno rispondendo</translation>
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
        <source>rated %1 of 5</source>
        <translation>valutata %1 su 5</translation>
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
        <source>(no subject)</source>
        <translation>(nessun oggetto)</translation>
    </message>
    <message>
        <source>No messages in this request.</source>
        <translation>Nessun messaggio in questa richiesta.</translation>
    </message>
    <message>
        <source>Filed as history on import</source>
        <translation>Archiviata come storico all&apos;importazione</translation>
    </message>
    <message>
        <source>standard “%1”, given by hand</source>
        <translation>standard «%1», scelto a mano</translation>
    </message>
    <message>
        <source>standard “%1”, given by hand, is not defined here</source>
        <translation>standard «%1», scelto a mano, non è definito qui</translation>
    </message>
    <message>
        <source>standard “%1”</source>
        <translation>standard «%1»</translation>
    </message>
    <message>
        <source>timed by “%1”</source>
        <translation>tempi secondo «%1»</translation>
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
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Salva…</translation>
    </message>
    <message>
        <source>remote image</source>
        <translation>immagine remota</translation>
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
        <source>No department known</source>
        <translation>Nessun reparto noto</translation>
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
        <source>C&amp;hannel</source>
        <translation>Ca&amp;nale</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>qualsiasi canale</translation>
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
        <source>Report…</source>
        <translation>Rapporto…</translation>
    </message>
    <message>
        <source>Save this period as a PDF report to hand round in a meeting</source>
        <translation>Salva questo periodo come rapporto PDF da distribuire in una riunione</translation>
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
        <source>%1 ratings, on average %2 of 5</source>
        <translation>%1 valutazioni, in media %2 su 5</translation>
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
    <message>
        <source>Per-person figures are switched off for this mailbox: monitoring individual performance needs the works council&apos;s consent.</source>
        <translation>Le cifre per persona sono disattivate per questa casella: il monitoraggio delle prestazioni individuali richiede il consenso della rappresentanza dei lavoratori.</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>Enter password…</source>
        <translation>Inserisci password…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Accedi di nuovo…</translation>
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
        <source>%1: signing in, continue in the browser…</source>
        <translation>%1: accesso in corso, prosegua nel browser…</translation>
    </message>
    <message>
        <source>%1: not signed in (%2)</source>
        <translation>%1: accesso non eseguito (%2)</translation>
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
        <source>Service s&amp;tandard…</source>
        <translation>Standard &amp;di servizio…</translation>
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
        <source>the rules&apos; choice</source>
        <translation>la scelta delle regole</translation>
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
        <source>standard</source>
        <translation>standard</translation>
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
        <source>As the rules choose</source>
        <translation>Come scelgono le regole</translation>
    </message>
    <message>
        <source>Service standard</source>
        <translation>Standard di servizio</translation>
    </message>
    <message>
        <source>Standard for request #%1:</source>
        <translation>Standard per la richiesta #%1:</translation>
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
        <source>There is no request #%1.</source>
        <translation>Non esiste la richiesta n. %1.</translation>
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
    <name>UpdatingPage</name>
    <message>
        <source>Updating the store…</source>
        <translation>Aggiornamento dell’archivio…</translation>
    </message>
    <message>
        <source>This version of Loket keeps your requests in a new shape. Updating a large store takes a few minutes, once; nothing is lost, and the requests show as soon as it is done.</source>
        <translation>Questa versione di Loket conserva le richieste in una forma nuova. Aggiornare un archivio grande richiede qualche minuto, una sola volta; non si perde nulla e le richieste compaiono appena ha finito.</translation>
    </message>
    <message>
        <source>Updating the store</source>
        <translation>Aggiornamento dell’archivio</translation>
    </message>
</context>
<context>
    <name>channel</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonata</translation>
    </message>
    <message>
        <source>Visit at the desk</source>
        <translation>Visita allo sportello</translation>
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
<context>
    <name>window</name>
    <message>
        <source>Your name</source>
        <translation>Il tuo nome</translation>
    </message>
    <message>
        <source>Your name, as colleagues see it beside your changes:</source>
        <translation>Il tuo nome, come i colleghi lo vedono accanto alle tue modifiche:</translation>
    </message>
</context>
</TS>
