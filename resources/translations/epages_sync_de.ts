<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AfostoPage</name>
    <message>
        <source>Afosto</source>
        <translation>Afosto</translation>
    </message>
    <message>
        <source>Enter the API key made for this connection, press Check, then choose the sales channel the webshop&apos;s orders belong to.</source>
        <translation>Geben Sie den API-Schlüssel ein, der für diese Verbindung erstellt wurde, klicken Sie auf Prüfen und wählen Sie dann den Vertriebskanal, zu dem die Bestellungen des Webshops gehören.</translation>
    </message>
    <message>
        <source>API key from Afosto&apos;s settings (API)</source>
        <translation>API-Schlüssel aus den Afosto-Einstellungen (API)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Sales &amp;channel:</source>
        <translation>&amp;Vertriebskanal:</translation>
    </message>
    <message>
        <source>Orders from the webshop are created in this Afosto sales channel.</source>
        <translation>Bestellungen aus dem Webshop werden in diesem Afosto-Vertriebskanal angelegt.</translation>
    </message>
    <message>
        <source>Checking the key and the operations the sync uses…</source>
        <translation>Schlüssel und die vom Abgleich genutzten Funktionen werden geprüft…</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>Der Schlüssel funktioniert.</translation>
    </message>
    <message>
        <source>Every operation the sync uses fits this Afosto account.</source>
        <translation>Alle Funktionen, die der Abgleich nutzt, passen zu diesem Afosto-Konto.</translation>
    </message>
    <message>
        <source>These stay off until Afosto&apos;s support has looked at it: {flows}.</source>
        <translation>Diese bleiben aus, bis der Afosto-Support es sich angesehen hat: {flows}.</translation>
    </message>
    <message>
        <source>Locations in Afosto: {names}.</source>
        <translation>Standorte in Afosto: {names}.</translation>
    </message>
    <message>
        <source>— choose a sales channel —</source>
        <translation>— Vertriebskanal wählen —</translation>
    </message>
    <message>
        <source>No sales channel</source>
        <translation>Kein Vertriebskanal</translation>
    </message>
    <message>
        <source>This Afosto account has no sales channel. Create one in Afosto for the webshop&apos;s orders, then press Check again.</source>
        <translation>Dieses Afosto-Konto hat keinen Vertriebskanal. Legen Sie in Afosto einen für die Bestellungen des Webshops an und klicken Sie dann erneut auf Prüfen.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare both systems</source>
        <translation>Beide Systeme vergleichen</translation>
    </message>
    <message>
        <source>ePages and Afosto side by side, read from both systems themselves (not from this app&apos;s records): orders missing in Afosto or there more than once, unit counts that differ, and stock figures that differ from the stock rule. The sync compares by itself once a day.</source>
        <translation>ePages und Afosto nebeneinander, direkt aus beiden Systemen gelesen (nicht aus den Aufzeichnungen dieser App): Bestellungen, die in Afosto fehlen oder dort mehrfach vorhanden sind, abweichende Stückzahlen und Bestände, die nicht der Bestandsregel entsprechen. Der Abgleich vergleicht einmal täglich von selbst.</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Order or SKU</source>
        <translation>Bestellung oder SKU</translation>
    </message>
    <message>
        <source>ePages</source>
        <translation>ePages</translation>
    </message>
    <message>
        <source>Afosto</source>
        <translation>Afosto</translation>
    </message>
    <message>
        <source>What differs and what to do</source>
        <translation>Was abweicht und was zu tun ist</translation>
    </message>
    <message>
        <source>Compare &amp;now</source>
        <translation>&amp;Jetzt vergleichen</translation>
    </message>
    <message>
        <source>Read both systems now and list every difference.</source>
        <translation>Beide Systeme jetzt lesen und jede Abweichung auflisten.</translation>
    </message>
    <message>
        <source>Not compared yet: press Compare now.</source>
        <translation>Noch nicht verglichen: klicken Sie auf „Jetzt vergleichen“.</translation>
    </message>
    <message>
        <source>Compared {when}: no differences.</source>
        <translation>Verglichen am {when}: keine Abweichungen.</translation>
    </message>
    <message>
        <source>Compared {when}: 1 difference.</source>
        <translation>Verglichen am {when}: 1 Abweichung.</translation>
    </message>
    <message>
        <source>Compared {when}: {n} differences.</source>
        <translation>Verglichen am {when}: {n} Abweichungen.</translation>
    </message>
    <message>
        <source>Units {counted}</source>
        <translation>Einheiten {counted}</translation>
    </message>
    <message>
        <source>Missing in Afosto</source>
        <translation>Fehlt in Afosto</translation>
    </message>
    <message>
        <source>In Afosto more than once</source>
        <translation>Mehrfach in Afosto</translation>
    </message>
    <message>
        <source>Not in the shop</source>
        <translation>Nicht im Shop</translation>
    </message>
    <message>
        <source>Stock figure</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>The sync is not running here: start it (or its service) to compare both systems.</source>
        <translation>Der Abgleich läuft hier nicht: Starten Sie ihn (oder seinen Dienst), um beide Systeme zu vergleichen.</translation>
    </message>
    <message>
        <source>Reading ePages and Afosto…</source>
        <translation>ePages und Afosto werden gelesen…</translation>
    </message>
    <message>
        <source>The comparison did not finish: {problem}</source>
        <translation>Der Vergleich wurde nicht abgeschlossen: {problem}</translation>
    </message>
</context>
<context>
    <name>DayChart</name>
    <message>
        <source>The last 24 hours</source>
        <translation>Die letzten 24 Stunden</translation>
    </message>
    <message>
        <source>Orders imported</source>
        <translation>Bestellungen übernommen</translation>
    </message>
    <message>
        <source>Updates to ePages</source>
        <translation>Meldungen an ePages</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Last 24 hours: {imported} orders imported, {sent} updates to ePages, {problems} problems</source>
        <translation>Letzte 24 Stunden: {imported} Bestellungen übernommen, {sent} Meldungen an ePages, {problems} Probleme</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>{start}–{end}: {imported} orders imported, {sent} updates to ePages, {problems} problems</source>
        <translation>{start}–{end}: {imported} Bestellungen übernommen, {sent} Meldungen an ePages, {problems} Probleme</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Store {store}: {title}</source>
        <translation>Shop {store}: {title}</translation>
    </message>
    <message>
        <source>{problem}

epages-sync can move the damaged file aside (it is kept, renamed with today&apos;s date) and start a fresh database. Your settings and saved passwords are kept; the sync then finds again what both systems already have. Nothing was changed yet.</source>
        <translation>{problem}

epages-sync kann die beschädigte Datei beiseitelegen (sie bleibt erhalten, mit dem heutigen Datum umbenannt) und eine neue Datenbank beginnen. Ihre Einstellungen und gespeicherten Passwörter bleiben erhalten; die Synchronisation findet dann wieder, was beide Systeme schon haben. Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Move aside and start fresh</source>
        <translation>Beiseitelegen und neu beginnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Leave this store stopped</source>
        <translation>Diesen Shop angehalten lassen</translation>
    </message>
    <message>
        <source>No store can be opened</source>
        <translation>Kein Shop lässt sich öffnen</translation>
    </message>
    <message>
        <source>None of the stores of this installation could be opened:
{stores}</source>
        <translation>Keiner der Shops dieser Installation ließ sich öffnen:
{stores}</translation>
    </message>
    <message>
        <source>The setup of this store was not finished. Choose it, then open Settings.</source>
        <translation>Die Einrichtung dieses Shops wurde nicht abgeschlossen. Wählen Sie ihn aus und öffnen Sie dann die Einstellungen.</translation>
    </message>
    <message>
        <source>Watching the sync that runs as a service on this computer. The log, the order timelines and the export work as usual; pausing, Sync now, Retry, Dismiss and settings belong to the service.</source>
        <translation>Sie sehen dem Abgleich zu, die auf diesem Computer als Dienst läuft. Protokoll, Bestellverläufe und Export funktionieren wie gewohnt; Pausieren, Jetzt abgleichen, Erneut versuchen, Verwerfen und die Einstellungen gehören zum Dienst.</translation>
    </message>
    <message>
        <source>The sync runs as a service on this computer, so this belongs to the service. To change it, stop the service (Linux: systemctl --user stop epages-sync; Windows: nssm stop epages-sync, or End in Task Scheduler), then open epages-sync again: the window then runs the sync itself.</source>
        <translation>Der Abgleich läuft auf diesem Computer als Dienst, deshalb gehört dies zum Dienst. Um es zu ändern, beenden Sie den Dienst (Linux: systemctl --user stop epages-sync; Windows: nssm stop epages-sync oder „Beenden“ in der Aufgabenplanung) und öffnen Sie epages-sync dann erneut: das Fenster führt den Abgleich dann selbst aus.</translation>
    </message>
    <message>
        <source>This computer has no secure password store, so the client secret and the API key cannot be kept. Install or unlock one, then open Settings.</source>
        <translation>Dieser Computer hat keinen sicheren Passwortspeicher, daher können Client-Secret und API-Schlüssel nicht gespeichert werden. Richten Sie einen ein oder entsperren Sie ihn und öffnen Sie dann die Einstellungen.</translation>
    </message>
    <message>
        <source>The ePages client secret or the Afosto API key is not saved on this computer. Enter them again under Settings.</source>
        <translation>Das ePages-Client-Secret oder der Afosto-API-Schlüssel ist auf diesem Computer nicht gespeichert. Geben Sie beide unter Einstellungen erneut ein.</translation>
    </message>
    <message>
        <source>DEMO — a simulated shop and warehouse running inside this app. Nothing reaches a real shop, and the demo starts over each time it is opened.</source>
        <translation>DEMO — ein simulierter Shop mit Lager, der in dieser App läuft. Nichts erreicht einen echten Shop, und die Demo beginnt bei jedem Öffnen von vorn.</translation>
    </message>
    <message>
        <source>Store {store} is not open</source>
        <translation>Shop {store} ist nicht geöffnet</translation>
    </message>
    <message>
        <source>epages-sync needs you</source>
        <translation>epages-sync braucht Sie</translation>
    </message>
    <message>
        <source>epages-sync keeps running</source>
        <translation>epages-sync läuft weiter</translation>
    </message>
    <message>
        <source>The sync goes on in the background. Open the window again from the tray icon; quit from its menu.</source>
        <translation>Der Abgleich läuft im Hintergrund weiter. Öffnen Sie das Fenster wieder über das Symbol im Infobereich; beenden Sie ihn über dessen Menü.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>{where} failed: {error}

The sync itself goes on. The details are in the log file in {folder}.</source>
        <translation>{where} ist fehlgeschlagen: {error}

Der Abgleich selbst läuft weiter. Die Einzelheiten stehen in der Protokolldatei in {folder}.</translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation>Es wurde nichts entfernt</translation>
    </message>
    <message>
        <source>Another copy of epages-sync uses this data. Quit it first (tray icon &gt; Quit, or stop the service), then start epages-sync again and remove the data.</source>
        <translation>Eine andere Kopie von epages-sync verwendet diese Daten. Beenden Sie sie zuerst (Symbol im Infobereich &gt; Beenden, oder den Dienst stoppen), starten Sie dann epages-sync neu und entfernen Sie die Daten.</translation>
    </message>
    <message>
        <source>All data removed</source>
        <translation>Alle Daten entfernt</translation>
    </message>
    <message>
        <source>Everything epages-sync kept on this computer was removed. epages-sync closes now; it is still installed and can be set up again.</source>
        <translation>Alles, was epages-sync auf diesem Computer gespeichert hatte, wurde entfernt. epages-sync wird jetzt geschlossen; das Programm bleibt installiert und kann neu eingerichtet werden.</translation>
    </message>
    <message>
        <source>Not everything could be removed</source>
        <translation>Nicht alles konnte entfernt werden</translation>
    </message>
    <message>
        <source>These could not be removed; delete them by hand:</source>
        <translation>Dies konnte nicht entfernt werden; bitte von Hand löschen:</translation>
    </message>
</context>
<context>
    <name>EpagesPage</name>
    <message>
        <source>Your ePages shop</source>
        <translation>Ihr ePages-Shop</translation>
    </message>
    <message>
        <source>Enter the store name and the credentials of the app you made in the cockpit, then press Connect.</source>
        <translation>Geben Sie den Shopnamen und die Zugangsdaten der App ein, die Sie im Cockpit angelegt haben, und klicken Sie dann auf Verbinden.</translation>
    </message>
    <message>
        <source>my-shop  or  https://my-shop.beyondshop.cloud/cockpit/login</source>
        <translation>mein-shop  oder  https://mein-shop.beyondshop.cloud/cockpit/login</translation>
    </message>
    <message>
        <source>client_id from Client credentials</source>
        <translation>client_id aus „Client credentials“</translation>
    </message>
    <message>
        <source>client_secret from Client credentials</source>
        <translation>client_secret aus „Client credentials“</translation>
    </message>
    <message>
        <source>&amp;Store name:</source>
        <translation>&amp;Shopname:</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-S&amp;ecret:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Log in to the shop and read which permissions the app has.</source>
        <translation>Beim Shop anmelden und lesen, welche Berechtigungen die App hat.</translation>
    </message>
    <message>
        <source>Permission in the cockpit</source>
        <translation>Berechtigung im Cockpit</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Was sie erlaubt</translation>
    </message>
    <message>
        <source>Needed for</source>
        <translation>Nötig für</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Simulated shop: both services answer from this computer ({url}).</source>
        <translation>Simulierter Shop: beide Dienste antworten von diesem Computer ({url}).</translation>
    </message>
    <message>
        <source>Another store</source>
        <translation>Ein anderer Shop</translation>
    </message>
    <message>
        <source>These settings belong to the store {fixed}. To sync the store {name} as well, use Add store… in Settings.</source>
        <translation>Diese Einstellungen gehören zum Shop {fixed}. Um auch den Shop {name} abzugleichen, verwenden Sie „Shop hinzufügen…“ in den Einstellungen.</translation>
    </message>
    <message>
        <source>This installation has the store {name} already. To change its setup, choose it in the main window and open Settings; to add a store, enter another store name.</source>
        <translation>Diese Installation hat den Shop {name} bereits. Um seine Einrichtung zu ändern, wählen Sie ihn im Hauptfenster aus und öffnen Sie die Einstellungen; um einen Shop hinzuzufügen, geben Sie einen anderen Shopnamen ein.</translation>
    </message>
    <message>
        <source>The part before .beyondshop.cloud in your cockpit&apos;s address.</source>
        <translation>Der Teil vor .beyondshop.cloud in der Adresse Ihres Cockpits.</translation>
    </message>
    <message>
        <source>Store: {name}  (https://{name}.beyondshop.cloud)</source>
        <translation>Shop: {name}  (https://{name}.beyondshop.cloud)</translation>
    </message>
    <message>
        <source>Connecting to the shop…</source>
        <translation>Verbindung zum Shop wird hergestellt…</translation>
    </message>
    <message>
        <source>This store is set up already</source>
        <translation>Dieser Shop ist bereits eingerichtet</translation>
    </message>
    <message>
        <source>Permissions missing. In the ePages cockpit open Apps &gt; Eigene Apps &gt; your app, tick {labels}, click Speichern, then press Connect again.</source>
        <translation>Berechtigungen fehlen. Öffnen Sie im ePages-Cockpit Apps &gt; Eigene Apps &gt; Ihre App, setzen Sie den Haken bei {labels}, klicken Sie auf Speichern und dann hier erneut auf Verbinden.</translation>
    </message>
    <message>
        <source>Single flows also need {labels} (marked below).</source>
        <translation>Einzelne Abläufe brauchen außerdem {labels} (unten markiert).</translation>
    </message>
    <message>
        <source>Connected. The {n} permissions every flow needs are there (the first rows of the table).</source>
        <translation>Verbunden. Die {n} Berechtigungen, die alle Abläufe brauchen, sind vorhanden (die ersten Zeilen der Tabelle).</translation>
    </message>
    <message>
        <source>{flow} stays off without {labels}</source>
        <translation>{flow} bleibt aus ohne {labels}</translation>
    </message>
    <message>
        <source>Some flows need more: {parts}. You can go on and tick them later.</source>
        <translation>Manche Abläufe brauchen mehr: {parts}. Sie können weitermachen und die Haken später setzen.</translation>
    </message>
    <message>
        <source>Connected. The app has all {n} permissions in the table below.</source>
        <translation>Verbunden. Die App hat alle {n} Berechtigungen aus der Tabelle unten.</translation>
    </message>
    <message>
        <source>every flow</source>
        <translation>alle Abläufe</translation>
    </message>
    <message>
        <source>✓ granted</source>
        <translation>✓ erteilt</translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation>✗ fehlt</translation>
    </message>
</context>
<context>
    <name>ExchangeTree</name>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>When it was put aside</source>
        <translation>Als es zurückgestellt wurde</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>{n} fields</source>
        <translation>{n} Felder</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 Feld</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} Einträge</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>{n} lines</source>
        <translation>{n} Zeilen</translation>
    </message>
</context>
<context>
    <name>FlowsPage</name>
    <message>
        <source>What to sync</source>
        <translation>Was abgeglichen wird</translation>
    </message>
    <message>
        <source>Choose what is kept in step, and from which day on orders are taken over.</source>
        <translation>Wählen Sie, was abgeglichen wird und ab welchem Tag Bestellungen übernommen werden.</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Abläufe</translation>
    </message>
    <message>
        <source>Take over orders &amp;from:</source>
        <translation>Bestellungen übernehmen &amp;ab:</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> Sekunden</translation>
    </message>
    <message>
        <source>Check for new &amp;orders every:</source>
        <translation>Auf neue &amp;Bestellungen prüfen alle:</translation>
    </message>
    <message>
        <source>Off: {reason}</source>
        <translation>Aus: {reason}</translation>
    </message>
    <message>
        <source>the ePages app lacks the permission {labels}. Tick it in the cockpit (Apps &gt; Eigene Apps &gt; your app) and connect again.</source>
        <translation>der ePages-App fehlt die Berechtigung {labels}. Setzen Sie den Haken im Cockpit (Apps &gt; Eigene Apps &gt; Ihre App) und verbinden Sie erneut.</translation>
    </message>
    <message>
        <source>the Afosto operations {ops} do not fit this account.</source>
        <translation>die Afosto-Funktionen {ops} passen nicht zu diesem Konto.</translation>
    </message>
    <message>
        <source>no Afosto location is ticked to feed the webshop&apos;s stock (page Locations).</source>
        <translation>kein Afosto-Standort liefert den Bestand für den Webshop (Seite Standorte).</translation>
    </message>
    <message>
        <source>(5 minutes is usual; warehouse changes reach the webshop within seconds either way)</source>
        <translation>(üblich sind 5 Minuten; Änderungen im Lager erreichen den Webshop in jedem Fall binnen Sekunden)</translation>
    </message>
    <message>
        <source>Counting orders…</source>
        <translation>Bestellungen werden gezählt…</translation>
    </message>
    <message>
        <source>The orders could not be counted ({error}).</source>
        <translation>Die Bestellungen konnten nicht gezählt werden ({error}).</translation>
    </message>
    <message>
        <source>No order was created since {day}; only new orders will be taken over.</source>
        <translation>Seit {day} wurde keine Bestellung angelegt; nur neue Bestellungen werden übernommen.</translation>
    </message>
    <message>
        <source>1 order created since {day} will be taken over at the first check.</source>
        <translation>Seit {day} ist 1 Bestellung eingegangen; sie wird bei der ersten Prüfung übernommen.</translation>
    </message>
    <message>
        <source>{n} orders created since {day} will be taken over at the first check.</source>
        <translation>Seit {day} sind {n} Bestellungen eingegangen; sie werden bei der ersten Prüfung übernommen.</translation>
    </message>
</context>
<context>
    <name>HealthBar</name>
    <message>
        <source>Last order check</source>
        <translation>Letzte Bestellprüfung</translation>
    </message>
    <message>
        <source>Next order check</source>
        <translation>Nächste Bestellprüfung</translation>
    </message>
    <message>
        <source>Last update to ePages</source>
        <translation>Letzte Meldung an ePages</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Noch zu senden</translation>
    </message>
    <message>
        <source>Need a person</source>
        <translation>Klärung nötig</translation>
    </message>
    <message>
        <source>Orders linked</source>
        <translation>Verknüpfte Bestellungen</translation>
    </message>
    <message>
        <source>Runs as a service</source>
        <translation>Läuft als Dienst</translation>
    </message>
    <message>
        <source>The service has stopped</source>
        <translation>Der Dienst wurde beendet</translation>
    </message>
    <message>
        <source>Paused until {time}</source>
        <translation>Pausiert bis {time}</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Bitte prüfen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>Orders and warehouse changes are kept in step. Nothing needs you.</source>
        <translation>Bestellungen und Lageränderungen werden abgeglichen. Es gibt nichts zu tun.</translation>
    </message>
    <message>
        <source>Nothing is fetched or sent until the sync resumes. Sync now resumes it.</source>
        <translation>Bis zum Fortsetzen wird nichts abgerufen oder gesendet. „Jetzt abgleichen“ setzt den Abgleich fort.</translation>
    </message>
    <message>
        <source>1 item waits for a person: choose the red row in the log below, then Retry or Dismiss.</source>
        <translation>1 Vorgang wartet auf Klärung: wählen Sie unten im Protokoll die rote Zeile, dann „Erneut versuchen“ oder „Verwerfen“.</translation>
    </message>
    <message>
        <source>{n} items wait for a person: choose a red row in the log below, then Retry or Dismiss.</source>
        <translation>{n} Vorgänge warten auf Klärung: wählen Sie unten im Protokoll eine rote Zeile, dann „Erneut versuchen“ oder „Verwerfen“.</translation>
    </message>
    <message>
        <source>checking now</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <source>after resuming</source>
        <translation>nach dem Fortsetzen</translation>
    </message>
    <message>
        <source>after this one</source>
        <translation>nach dieser</translation>
    </message>
    <message>
        <source>What needs you:</source>
        <translation>Was Sie tun müssen:</translation>
    </message>
    <message>
        <source>Importing orders since {date}</source>
        <translation>Bestellungen seit {date} werden übernommen</translation>
    </message>
    <message>
        <source>Reading order changes since {time}</source>
        <translation>Änderungen an Bestellungen seit {time} werden gelesen</translation>
    </message>
    <message>
        <source>{what}: {done} so far</source>
        <translation>{what}: bisher {done}</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}: {done} von {total}</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>noch weniger als eine Minute</translation>
    </message>
    <message>
        <source>about 1 min left</source>
        <translation>noch etwa 1 Min.</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>noch etwa {n} Min.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>As this computer ({language})</source>
        <translation>Wie dieser Computer ({language})</translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Match each location of your webshop with its Afosto location, and choose where the webshop&apos;s stock comes from.</source>
        <translation>Ordnen Sie jedem Standort Ihres Webshops seinen Afosto-Standort zu und wählen Sie, woher der Bestand des Webshops kommt.</translation>
    </message>
    <message>
        <source>ePages location → Afosto location</source>
        <translation>ePages-Standort → Afosto-Standort</translation>
    </message>
    <message>
        <source>Pickup orders are handed to the Afosto location chosen here. A location without a match cannot take pickup orders; the setup cannot finish while such orders wait.</source>
        <translation>Abholbestellungen gehen an den hier gewählten Afosto-Standort. Ein Standort ohne Zuordnung kann keine Abholbestellungen annehmen; solange solche Bestellungen warten, lässt sich die Einrichtung nicht abschließen.</translation>
    </message>
    <message>
        <source>Stock for the webshop</source>
        <translation>Bestand für den Webshop</translation>
    </message>
    <message>
        <source>The webshop shows the sum of the available stock of the ticked locations. Tick only the locations that ship online orders.</source>
        <translation>Der Webshop zeigt die Summe des verfügbaren Bestands der angehakten Standorte. Haken Sie nur Standorte an, die Onlinebestellungen versenden.</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>The app may not read your shop&apos;s locations: tick &apos;Standorte lesen&apos; (loca:r) and &apos;Versandzonen lesen&apos; (shpz:r) in the cockpit and connect again. Until then pickup orders cannot be imported, so Orders stays off.</source>
        <translation>Die App darf die Standorte Ihres Shops nicht lesen: setzen Sie im Cockpit die Haken bei &apos;Standorte lesen&apos; (loca:r) und &apos;Versandzonen lesen&apos; (shpz:r) und verbinden Sie erneut. Bis dahin können Abholbestellungen nicht übernommen werden, daher bleibt Bestellungen aus.</translation>
    </message>
    <message>
        <source>Your webshop has no locations (stores or pickup points): nothing to match here.</source>
        <translation>Ihr Webshop hat keine Standorte (Läden oder Abholstellen): hier gibt es nichts zuzuordnen.</translation>
    </message>
    <message>
        <source>Pickup: {names}</source>
        <translation>Abholung: {names}</translation>
    </message>
    <message>
        <source>No pickup option</source>
        <translation>Keine Abholung</translation>
    </message>
    <message>
        <source>— not matched —</source>
        <translation>— nicht zugeordnet —</translation>
    </message>
    <message>
        <source>Afosto location for {name}</source>
        <translation>Afosto-Standort für {name}</translation>
    </message>
</context>
<context>
    <name>LogDetailPane</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Try this again now (after you corrected the cause).</source>
        <translation>Jetzt noch einmal versuchen (nachdem Sie die Ursache behoben haben).</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Nothing more is needed: never send this, and stop asking.</source>
        <translation>Nichts mehr zu tun: dies nie senden und nicht mehr nachfragen.</translation>
    </message>
    <message>
        <source>Choose every row waiting for the same reason, to retry or dismiss them together.</source>
        <translation>Alle Zeilen wählen, die aus demselben Grund warten, um sie gemeinsam erneut zu versuchen oder zu verwerfen.</translation>
    </message>
    <message>
        <source>Requests and answers (secrets removed)</source>
        <translation>Anfragen und Antworten (ohne Geheimnisse)</translation>
    </message>
    <message>
        <source>Choose a row to see everything about it.</source>
        <translation>Wählen Sie eine Zeile, um alles dazu zu sehen.</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Bestellung {number}</translation>
    </message>
    <message>
        <source>Afosto: {ref}</source>
        <translation>Afosto: {ref}</translation>
    </message>
    <message>
        <source>Everything about order {number}…</source>
        <translation>Alles zu Bestellung {number}…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>{n} rows chosen</source>
        <translation>{n} Zeilen gewählt</translation>
    </message>
    <message>
        <source>None of them waits for a person.</source>
        <translation>Keine davon wartet auf Klärung.</translation>
    </message>
    <message>
        <source>1 of them waits for a person: Retry or Dismiss it.</source>
        <translation>1 davon wartet auf Klärung: erneut versuchen oder verwerfen.</translation>
    </message>
    <message>
        <source>{n} of them wait for a person: Retry or Dismiss them together.</source>
        <translation>{n} davon warten auf Klärung: gemeinsam erneut versuchen oder verwerfen.</translation>
    </message>
    <message>
        <source>Choose all {n} with this cause</source>
        <translation>Alle {n} mit dieser Ursache wählen</translation>
    </message>
    <message>
        <source>No request or response was stored for this entry.</source>
        <translation>Zu diesem Eintrag wurde keine Anfrage oder Antwort gespeichert.</translation>
    </message>
    <message>
        <source> It happened {n} times.</source>
        <translation> Es ist {n}-mal passiert.</translation>
    </message>
    <message>
        <source>Waiting for a person.</source>
        <translation>Wartet auf Klärung.</translation>
    </message>
    <message>
        <source>Put the cause right, then Retry; or Dismiss if nothing more is needed.</source>
        <translation>Beheben Sie die Ursache, dann „Erneut versuchen“; oder „Verwerfen“, wenn nichts mehr zu tun ist.</translation>
    </message>
    <message>
        <source>Settled ({status}). Nothing more to do here.</source>
        <translation>Erledigt ({status}). Hier ist nichts mehr zu tun.</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>erneut versucht</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>solved by the sync</source>
        <translation>vom Abgleich gelöst</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>All flows</source>
        <translation>Alle Abläufe</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>Beide Richtungen</translation>
    </message>
    <message>
        <source>Every outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Find an order number or Afosto reference</source>
        <translation>Bestellnummer oder Afosto-Referenz suchen</translation>
    </message>
    <message>
        <source>Needs a person &amp;first</source>
        <translation>&amp;Klärungsfälle zuerst</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} Einträge</translation>
    </message>
    <message>
        <source>Retry ({n})</source>
        <translation>Erneut versuchen ({n})</translation>
    </message>
    <message>
        <source>Dismiss ({n})</source>
        <translation>Verwerfen ({n})</translation>
    </message>
    <message>
        <source>Choose all {n} with this cause</source>
        <translation>Alle {n} mit dieser Ursache wählen</translation>
    </message>
    <message>
        <source>Everything about order {number}…</source>
        <translation>Alles zu Bestellung {number}…</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <source>This item was already retried, dismissed or solved.</source>
        <translation>Dieser Vorgang wurde bereits erneut versucht, verworfen oder gelöst.</translation>
    </message>
    <message>
        <source>Nothing to dismiss</source>
        <translation>Nichts zu verwerfen</translation>
    </message>
    <message>
        <source>These items were already retried, dismissed or solved.</source>
        <translation>Diese Vorgänge wurden schon erneut versucht, verworfen oder gelöst.</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {error}</source>
        <translation>Die Datei {path} konnte nicht geschrieben werden: {error}</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>ePages order</source>
        <translation>ePages-Bestellung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>In Afosto</source>
        <translation>In Afosto</translation>
    </message>
    <message>
        <source>Waiting for a person: select the row to retry or dismiss it.</source>
        <translation>Wartet auf Klärung: wählen Sie die Zeile, um es erneut zu versuchen oder zu verwerfen.</translation>
    </message>
</context>
<context>
    <name>LogWords</name>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Stornierungen</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>New webshop orders go into Afosto, in the chosen sales channel.</source>
        <translation>Neue Webshop-Bestellungen gehen nach Afosto, in den gewählten Vertriebskanal.</translation>
    </message>
    <message>
        <source>Cancelled items are cancelled on the other side too, both ways.</source>
        <translation>Stornierte Artikel werden auch auf der anderen Seite storniert, in beide Richtungen.</translation>
    </message>
    <message>
        <source>Parcels shipped or delivered and pickups ready or collected reach the webshop; shipments entered in ePages reach Afosto.</source>
        <translation>Versendete oder zugestellte Pakete und bereitgestellte oder abgeholte Bestellungen erreichen den Webshop; in ePages erfasste Sendungen erreichen Afosto.</translation>
    </message>
    <message>
        <source>Returns accepted or rejected in Afosto are recorded in ePages (as return or defect), and returns entered in ePages reach Afosto.</source>
        <translation>In Afosto angenommene oder abgelehnte Retouren werden in ePages erfasst (als Retoure oder Defekt), und in ePages erfasste Retouren erreichen Afosto.</translation>
    </message>
    <message>
        <source>The webshop&apos;s stock follows the available stock of the chosen Afosto locations.</source>
        <translation>Der Bestand des Webshops folgt dem verfügbaren Bestand der gewählten Afosto-Standorte.</translation>
    </message>
    <message>
        <source>ePages → Afosto</source>
        <translation>ePages → Afosto</translation>
    </message>
    <message>
        <source>Afosto → ePages</source>
        <translation>Afosto → ePages</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Neuer Versuch</translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>Klärung nötig</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Erneut versucht</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>waiting since {time}, seen {n} times</source>
        <translation>wartet seit {time}, {n}-mal aufgetreten</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>jede Minute</translation>
    </message>
    <message>
        <source>every {n} minutes</source>
        <translation>alle {n} Minuten</translation>
    </message>
    <message>
        <source>every {n} seconds</source>
        <translation>alle {n} Sekunden</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} Min.</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} Std.</translation>
    </message>
    <message>
        <source>in {amount}</source>
        <translation>in {amount}</translation>
    </message>
    <message>
        <source>{amount} ago</source>
        <translation>vor {amount}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>epages-sync — DEMO</source>
        <translation>epages-sync — DEMO</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>Datenordner: {path}</translation>
    </message>
    <message>
        <source>epages-sync — watching the service</source>
        <translation>epages-sync — Dienst beobachten</translation>
    </message>
    <message>
        <source>1 entry written to {path}</source>
        <translation>1 Eintrag in {path} geschrieben</translation>
    </message>
    <message>
        <source>{n} entries written to {path}</source>
        <translation>{n} Einträge in {path} geschrieben</translation>
    </message>
    <message>
        <source>Quit epages-sync?</source>
        <translation>epages-sync beenden?</translation>
    </message>
    <message>
        <source>Closing this window quits epages-sync and stops the sync: no new orders reach Afosto and nothing is sent to ePages until you start it again.</source>
        <translation>Wenn Sie dieses Fenster schließen, wird epages-sync beendet und der Abgleich angehalten: Bis Sie es wieder starten, kommen keine neuen Bestellungen in Afosto an und nichts wird an ePages gesendet.</translation>
    </message>
    <message>
        <source>&amp;Quit and stop the sync</source>
        <translation>&amp;Beenden und Abgleich anhalten</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>&amp;Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>OrderTimelineDialog</name>
    <message>
        <source>Order {number}: everything that happened</source>
        <translation>Bestellung {number}: alles, was geschah</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Nothing was logged for order {number}.</source>
        <translation>Zu Bestellung {number} wurde nichts protokolliert.</translation>
    </message>
    <message>
        <source>One entry, from the first time the sync saw order {number} until now.</source>
        <translation>Ein Eintrag, vom ersten Mal, als der Abgleich Bestellung {number} sah, bis jetzt.</translation>
    </message>
    <message>
        <source>{n} entries, from the first time the sync saw order {number} until now.</source>
        <translation>{n} Einträge, vom ersten Mal, als der Abgleich Bestellung {number} sah, bis jetzt.</translation>
    </message>
    <message>
        <source>One of them waits for a person.</source>
        <translation>Einer davon wartet auf Klärung.</translation>
    </message>
    <message>
        <source>{n} of them wait for a person.</source>
        <translation>{n} davon warten auf Klärung.</translation>
    </message>
</context>
<context>
    <name>PreviewBox</name>
    <message>
        <source>Preview: what the first sync would do</source>
        <translation>Vorschau: Was der erste Abgleich tun würde</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Reading the shop and Afosto to show what the first sync would do… Nothing is written to either.</source>
        <translation>Shop und Afosto werden gelesen, um zu zeigen, was der erste Abgleich tun würde… In keines der beiden wird etwas geschrieben.</translation>
    </message>
    <message>
        <source>The preview could not be made</source>
        <translation>Die Vorschau konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>{title}: {text} You can also finish the setup without the preview.</source>
        <translation>{title}: {text} Sie können die Einrichtung auch ohne die Vorschau abschließen.</translation>
    </message>
    <message>
        <source>Nothing was written to ePages or Afosto yet. This is what the first sync would do once you press Finish:</source>
        <translation>In ePages und Afosto wurde noch nichts geschrieben. Das würde der erste Abgleich tun, sobald Sie „Fertig“ drücken:</translation>
    </message>
</context>
<context>
    <name>RemoveAllDialog</name>
    <message>
        <source>REMOVE</source>
        <translation>ENTFERNEN</translation>
    </message>
    <message>
        <source>Disconnect and remove all data</source>
        <translation>Trennen und alle Daten entfernen</translation>
    </message>
    <message>
        <source>the client secret and the API key of the shop {store}, from this computer&apos;s password store</source>
        <translation>Client-Secret und API-Schlüssel des Shops {store} aus dem Passwortspeicher dieses Computers</translation>
    </message>
    <message>
        <source>the store {store}: its client secret and API key, its settings and its database with its log and links</source>
        <translation>der Shop {store}: sein Client-Secret und API-Schlüssel, seine Einstellungen und seine Datenbank mit Protokoll und Verknüpfungen</translation>
    </message>
    <message>
        <source>the settings, and the database with the log and the links between webshop and Afosto orders, with its backups: {folder}</source>
        <translation>die Einstellungen und die Datenbank mit dem Protokoll und den Verknüpfungen zwischen Webshop- und Afosto-Bestellungen, samt Sicherungen: {folder}</translation>
    </message>
    <message>
        <source>the log files: {folder}</source>
        <translation>die Protokolldateien: {folder}</translation>
    </message>
    <message>
        <source>the settings folder: {folder}</source>
        <translation>der Einstellungsordner: {folder}</translation>
    </message>
    <message>
        <source>the start at login</source>
        <translation>der automatische Start bei der Anmeldung</translation>
    </message>
    <message>
        <source>your ePages shop and Afosto, with all their orders and stock</source>
        <translation>Ihr ePages-Shop und Afosto, mit allen Bestellungen und Beständen</translation>
    </message>
    <message>
        <source>the app in the ePages cockpit (delete it under Apps &gt; Eigene Apps if nobody needs it any more)</source>
        <translation>die App im ePages-Cockpit (löschen Sie sie unter Apps &gt; Eigene Apps, wenn niemand sie mehr braucht)</translation>
    </message>
    <message>
        <source>epages-sync itself (uninstall it as any other program)</source>
        <translation>epages-sync selbst (deinstallieren Sie es wie jedes andere Programm)</translation>
    </message>
    <message>
        <source>This removes from this computer:</source>
        <translation>Dies wird von diesem Computer entfernt:</translation>
    </message>
    <message>
        <source>This stays:</source>
        <translation>Das bleibt:</translation>
    </message>
    <message>
        <source>The sync stops and epages-sync closes. This cannot be undone: to sync again, the setup starts from the beginning.</source>
        <translation>Der Abgleich stoppt und epages-sync wird geschlossen. Das lässt sich nicht rückgängig machen: für einen neuen Abgleich beginnt die Einrichtung von vorn.</translation>
    </message>
    <message>
        <source>To confirm, type {word}:</source>
        <translation>Zur Bestätigung {word} eingeben:</translation>
    </message>
    <message>
        <source>Remove all data</source>
        <translation>Alle Daten entfernen</translation>
    </message>
</context>
<context>
    <name>ScopeWords</name>
    <message>
        <source>read products, find them by SKU</source>
        <translation>Produkte lesen, per Artikelnummer finden</translation>
    </message>
    <message>
        <source>read stock</source>
        <translation>Bestand lesen</translation>
    </message>
    <message>
        <source>adjust stock</source>
        <translation>Bestand ändern</translation>
    </message>
    <message>
        <source>read orders</source>
        <translation>Bestellungen lesen</translation>
    </message>
    <message>
        <source>update orders</source>
        <translation>Bestellungen ändern</translation>
    </message>
    <message>
        <source>create shipping and pickup processes</source>
        <translation>Versand- und Abholvorgänge anlegen</translation>
    </message>
    <message>
        <source>read shipping and pickup processes</source>
        <translation>Versand- und Abholvorgänge lesen</translation>
    </message>
    <message>
        <source>mark shipped, delivered, picked up</source>
        <translation>als versendet, zugestellt, abgeholt markieren</translation>
    </message>
    <message>
        <source>read all processes of an order at once</source>
        <translation>alle Vorgänge einer Bestellung auf einmal lesen</translation>
    </message>
    <message>
        <source>cancel orders and order lines</source>
        <translation>Bestellungen und Positionen stornieren</translation>
    </message>
    <message>
        <source>read cancellations</source>
        <translation>Stornierungen lesen</translation>
    </message>
    <message>
        <source>record returns and defects</source>
        <translation>Retouren und Defekte erfassen</translation>
    </message>
    <message>
        <source>read returns</source>
        <translation>Retouren lesen</translation>
    </message>
    <message>
        <source>read shop locations (stores, pickup points)</source>
        <translation>Shop-Standorte lesen (Läden, Abholstellen)</translation>
    </message>
    <message>
        <source>read pickup options and the location each belongs to</source>
        <translation>Abholoptionen und ihren Standort lesen</translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <source>Show or hide what you typed</source>
        <translation>Eingabe zeigen oder verbergen</translation>
    </message>
</context>
<context>
    <name>ServiceWatch</name>
    <message>
        <source>Watching the sync that runs as a service on this computer. This window only shows what the service does; it changes nothing.</source>
        <translation>Sie sehen dem Abgleich zu, die auf diesem Computer als Dienst läuft. Dieses Fenster zeigt nur, was der Dienst tut; es ändert nichts.</translation>
    </message>
    <message>
        <source>The service has stopped: nothing is synced now. Start the service again, or close this window and open epages-sync to run the sync in the window.</source>
        <translation>Der Dienst wurde beendet: Zurzeit wird nichts abgeglichen. Starten Sie den Dienst wieder, oder schließen Sie dieses Fenster und öffnen Sie epages-sync, um den Abgleich im Fenster auszuführen.</translation>
    </message>
    <message>
        <source>1 item waits for a person; Retry and Dismiss are in the window that runs the sync.</source>
        <translation>1 Eintrag wartet auf einen Menschen; „Erneut versuchen“ und „Verwerfen“ gibt es in dem Fenster, das den Abgleich ausführt.</translation>
    </message>
    <message>
        <source>{n} items wait for a person; Retry and Dismiss are in the window that runs the sync.</source>
        <translation>{n} Einträge warten auf einen Menschen; „Erneut versuchen“ und „Verwerfen“ gibt es in dem Fenster, das den Abgleich ausführt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>epages-sync settings</source>
        <translation>epages-sync – Einstellungen</translation>
    </message>
    <message>
        <source>Connection and sync</source>
        <translation>Verbindung und Abgleich</translation>
    </message>
    <message>
        <source>&amp;Change connection, locations and flows…</source>
        <translation>&amp;Verbindung, Standorte und Abläufe ändern…</translation>
    </message>
    <message>
        <source>Opens the setup pages, filled in with what is set up now.</source>
        <translation>Öffnet die Einrichtung, ausgefüllt mit dem, was jetzt eingerichtet ist.</translation>
    </message>
    <message>
        <source>More stores</source>
        <translation>Weitere Shops</translation>
    </message>
    <message>
        <source>A second ePages store (another country, a B2B shop) can run beside this one, with its own settings, sales channel, log and pause. Stores that draw from the same Afosto locations share their stock without selling a unit twice.</source>
        <translation>Ein zweiter ePages-Shop (ein anderes Land, ein B2B-Shop) kann neben diesem laufen, mit eigenen Einstellungen, eigenem Vertriebskanal, Protokoll und eigener Pause. Shops, die aus denselben Afosto-Lagerorten verkaufen, teilen sich den Bestand, ohne eine Einheit doppelt zu verkaufen.</translation>
    </message>
    <message>
        <source>&amp;Add store…</source>
        <translation>Shop &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language shows the next time epages-sync starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von epages-sync.</translation>
    </message>
    <message>
        <source>Start epages-sync with &amp;Windows</source>
        <translation>epages-sync mit &amp;Windows starten</translation>
    </message>
    <message>
        <source>Start epages-sync when I &amp;log in</source>
        <translation>epages-sync bei der &amp;Anmeldung starten</translation>
    </message>
    <message>
        <source>It starts in the tray without opening the window, so the sync runs as soon as the computer is on.</source>
        <translation>Es startet im Infobereich, ohne das Fenster zu öffnen, damit der Abgleich läuft, sobald der Computer an ist.</translation>
    </message>
    <message>
        <source>Stop using epages-sync on this computer</source>
        <translation>epages-sync auf diesem Computer nicht mehr nutzen</translation>
    </message>
    <message>
        <source>Removes the saved secrets, the settings, the log and the start at login from this computer. Your shop and Afosto are not changed.</source>
        <translation>Entfernt die gespeicherten Geheimnisse, die Einstellungen, das Protokoll und den automatischen Start von diesem Computer. Ihr Shop und Afosto bleiben unverändert.</translation>
    </message>
    <message>
        <source>&amp;Disconnect and remove all data…</source>
        <translation>&amp;Trennen und alle Daten entfernen…</translation>
    </message>
    <message>
        <source>Shop &lt;b&gt;{store}&lt;/b&gt;, synced: {flows}.</source>
        <translation>Shop &lt;b&gt;{store}&lt;/b&gt;, abgeglichen: {flows}.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Not set up yet.</source>
        <translation>Noch nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Not in the demo: it starts over each time it is opened.</source>
        <translation>Nicht in der Demo: sie beginnt bei jedem Öffnen von vorn.</translation>
    </message>
    <message>
        <source>The demo keeps nothing worth removing: it starts over each time it is opened.</source>
        <translation>Die Demo speichert nichts, was sich zu entfernen lohnt: sie beginnt bei jedem Öffnen von vorn.</translation>
    </message>
    <message>
        <source>The language could not be saved in {file}: {error}</source>
        <translation>Die Sprache konnte nicht in {file} gespeichert werden: {error}</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {error}. Ask whoever looks after this computer.</source>
        <translation>Der automatische Start konnte nicht geändert werden: {error}. Fragen Sie, wer diesen Computer betreut.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>epages-sync setup</source>
        <translation>epages-sync einrichten</translation>
    </message>
    <message>
        <source>epages-sync settings</source>
        <translation>epages-sync – Einstellungen</translation>
    </message>
    <message>
        <source>epages-sync — add a store</source>
        <translation>epages-sync — Shop hinzufügen</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>&amp;Finish and start the sync</source>
        <translation>&amp;Fertig – Abgleich starten</translation>
    </message>
</context>
<context>
    <name>StoreSlot</name>
    <message>
        <source>The sync is not running.</source>
        <translation>Der Abgleich läuft nicht.</translation>
    </message>
</context>
<context>
    <name>StoreStrip</name>
    <message>
        <source>Store {store}</source>
        <translation>Shop {store}</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>nichts wartet</translation>
    </message>
    <message>
        <source>1 needs a person</source>
        <translation>1 braucht Klärung</translation>
    </message>
    <message>
        <source>{n} need a person</source>
        <translation>{n} brauchen Klärung</translation>
    </message>
    <message>
        <source>last order check {when}</source>
        <translation>letzte Bestellprüfung {when}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready to start</source>
        <translation>Bereit zum Start</translation>
    </message>
    <message>
        <source>Looking for pickup orders at locations without a match…</source>
        <translation>Suche nach Abholbestellungen an Standorten ohne Zuordnung…</translation>
    </message>
    <message>
        <source>nothing (Stock is not synced)</source>
        <translation>nichts (Bestand wird nicht abgeglichen)</translation>
    </message>
    <message>
        <source>ePages shop</source>
        <translation>ePages-Shop</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>Vertriebskanal</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Without a match</source>
        <translation>Ohne Zuordnung</translation>
    </message>
    <message>
        <source>Webshop stock from</source>
        <translation>Webshop-Bestand aus</translation>
    </message>
    <message>
        <source>no location</source>
        <translation>kein Standort</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Orders from</source>
        <translation>Bestellungen ab</translation>
    </message>
    <message>
        <source>Checks for new orders</source>
        <translation>Prüft auf neue Bestellungen</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Looking for this computer&apos;s password store…</source>
        <translation>Passwortspeicher dieses Computers wird gesucht…</translation>
    </message>
    <message>
        <source>Cannot be saved: this computer has no secure password store (see below). They are never written into a file.</source>
        <translation>Können nicht gespeichert werden: Dieser Computer hat keinen sicheren Passwortspeicher (siehe unten). In eine Datei werden sie nie geschrieben.</translation>
    </message>
    <message>
        <source>The client secret and the API key go into this computer&apos;s password store (on Windows the Credential Manager), never into a file.</source>
        <translation>Client-Secret und API-Schlüssel kommen in den Passwortspeicher dieses Computers (unter Windows die Anmeldeinformationsverwaltung), nie in eine Datei.</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Check your choices and what the first sync would do. Finish saves them and starts the sync.</source>
        <translation>Prüfen Sie Ihre Auswahl und was der erste Abgleich tun würde. „Fertig“ speichert sie und startet den Abgleich.</translation>
    </message>
    <message>
        <source>Everything stays in the demo&apos;s own folder.</source>
        <translation>Alles bleibt im eigenen Ordner der Demo.</translation>
    </message>
    <message>
        <source>The client secret and the API key can only be kept in a secure password store, so the setup cannot finish on this computer yet. {action}</source>
        <translation>Client-Secret und API-Schlüssel können nur in einem sicheren Passwortspeicher aufbewahrt werden, deshalb lässt sich die Einrichtung auf diesem Computer noch nicht abschließen. {action}</translation>
    </message>
    <message>
        <source>Pickup orders could not be checked</source>
        <translation>Abholbestellungen konnten nicht geprüft werden</translation>
    </message>
    <message>
        <source>{name} has one pickup order since the start date but no Afosto location.</source>
        <translation>{name} hat seit dem Startdatum eine Abholbestellung, aber keinen Afosto-Standort.</translation>
    </message>
    <message>
        <source>{name} has {n} pickup orders since the start date but no Afosto location.</source>
        <translation>{name} hat seit dem Startdatum {n} Abholbestellungen, aber keinen Afosto-Standort.</translation>
    </message>
    <message>
        <source>Finish is not possible yet.</source>
        <translation>Abschließen ist noch nicht möglich.</translation>
    </message>
    <message>
        <source>Go Back to Locations and choose the Afosto location where these orders are picked up.</source>
        <translation>Gehen Sie zurück zu Standorte und wählen Sie den Afosto-Standort, an dem diese Bestellungen abgeholt werden.</translation>
    </message>
    <message>
        <source>No pickup order waits at a location without a match.</source>
        <translation>An keinem Standort ohne Zuordnung wartet eine Abholbestellung.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>No secure password store on this computer</source>
        <translation>Kein sicherer Passwortspeicher auf diesem Computer</translation>
    </message>
    <message>
        <source>The secrets were not saved, and the setup is not finished. {action}</source>
        <translation>Die Geheimnisse wurden nicht gespeichert, und die Einrichtung ist nicht abgeschlossen. {action}</translation>
    </message>
    <message>
        <source>The setup could not be saved</source>
        <translation>Die Einrichtung konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>&amp;Open epages-sync</source>
        <translation>epages-sync ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Pause for &amp;1 hour</source>
        <translation>&amp;1 Stunde pausieren</translation>
    </message>
    <message>
        <source>&amp;Pause until resumed</source>
        <translation>&amp;Pausieren bis zum Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Check ePages for orders and Afosto for changes right now.</source>
        <translation>Jetzt sofort bei ePages nach Bestellungen und bei Afosto nach Änderungen sehen.</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Change the connection, what is synced, the language or start at login.</source>
        <translation>Verbindung, Abgeglichenes, Sprache oder automatischen Start ändern.</translation>
    </message>
    <message>
        <source>&amp;Compare both systems…</source>
        <translation>Beide Systeme &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>List what differs between ePages and Afosto, read from both systems.</source>
        <translation>Auflisten, was zwischen ePages und Afosto abweicht, direkt aus beiden Systemen gelesen.</translation>
    </message>
    <message>
        <source>Pause all stores for &amp;1 hour</source>
        <translation>Alle Shops &amp;1 Stunde pausieren</translation>
    </message>
    <message>
        <source>&amp;Pause all stores until resumed</source>
        <translation>Alle Shops &amp;pausieren bis zum Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Resume all stores</source>
        <translation>Alle Shops &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Sync all stores now</source>
        <translation>Alle Shops &amp;jetzt abgleichen</translation>
    </message>
    <message>
        <source>&amp;Add store…</source>
        <translation>Shop &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Set up another ePages store of this installation, with the same setup pages. Its orders go to its own Afosto sales channel.</source>
        <translation>Einen weiteren ePages-Shop in dieser Installation einrichten, mit denselben Einrichtungsseiten. Seine Bestellungen gehen in seinen eigenen Afosto-Vertriebskanal.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop the sync and close the app.</source>
        <translation>Abgleich stoppen und die App schließen.</translation>
    </message>
    <message>
        <source>Close this window. The service keeps running.</source>
        <translation>Dieses Fenster schließen. Der Dienst läuft weiter.</translation>
    </message>
    <message>
        <source>Check the store {store} for orders and Afosto for its changes right now. The other stores keep their own rhythm.</source>
        <translation>Jetzt sofort im Shop {store} nach Bestellungen und bei Afosto nach seinen Änderungen sehen. Die anderen Shops behalten ihren eigenen Takt.</translation>
    </message>
    <message>
        <source>Change the connection, locations and flows of the store {store}, the language or start at login.</source>
        <translation>Verbindung, Lagerorte und Abläufe des Shops {store}, die Sprache oder den automatischen Start ändern.</translation>
    </message>
    <message>
        <source>Pause the store {store}; the other stores go on.</source>
        <translation>Den Shop {store} pausieren; die anderen Shops laufen weiter.</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>The sync is not running.</source>
        <translation>Der Abgleich läuft nicht.</translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <source>An item waits in the log. Open epages-sync to retry or dismiss it.</source>
        <translation>Ein Vorgang wartet im Protokoll. Öffnen Sie epages-sync, um ihn erneut zu versuchen oder zu verwerfen.</translation>
    </message>
    <message>
        <source>{n} items wait in the log. Open epages-sync to retry or dismiss them.</source>
        <translation>{n} Vorgänge warten im Protokoll. Öffnen Sie epages-sync, um sie erneut zu versuchen oder zu verwerfen.</translation>
    </message>
    <message>
        <source>Items need a person</source>
        <translation>Vorgänge brauchen Klärung</translation>
    </message>
    <message>
        <source>epages-sync needs you</source>
        <translation>epages-sync braucht Sie</translation>
    </message>
    <message>
        <source>{store}: {title}</source>
        <translation>{store}: {title}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Afosto reference</source>
        <translation>Afosto-Referenz</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to epages-sync</source>
        <translation>Willkommen bei epages-sync</translation>
    </message>
    <message>
        <source>This app keeps your ePages online shop and Afosto in step, from this computer.</source>
        <translation>Diese App hält Ihren ePages-Onlineshop und Afosto auf demselben Stand, von diesem Computer aus.</translation>
    </message>
    <message>
        <source>New webshop orders are put into Afosto, every few minutes.</source>
        <translation>Neue Webshop-Bestellungen kommen alle paar Minuten nach Afosto.</translation>
    </message>
    <message>
        <source>What happens in the warehouse reaches the webshop within seconds: parcels shipped or delivered, orders ready for pickup or picked up, cancellations, returns.</source>
        <translation>Was im Lager passiert, erreicht den Webshop binnen Sekunden: versendete oder zugestellte Pakete, abholbereite oder abgeholte Bestellungen, Stornierungen, Retouren.</translation>
    </message>
    <message>
        <source>The webshop&apos;s stock follows the stock of the Afosto locations you choose.</source>
        <translation>Der Bestand des Webshops folgt dem Bestand der Afosto-Standorte, die Sie wählen.</translation>
    </message>
    <message>
        <source>Every action is listed in a log, in plain words. Anything that needs a person is marked.</source>
        <translation>Jede Aktion steht in verständlichen Worten in einem Protokoll. Alles, was Klärung braucht, ist markiert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your store name&lt;/b&gt;: the part before &lt;i&gt;.beyondshop.cloud&lt;/i&gt; in your cockpit address, e.g. &lt;i&gt;my-shop&lt;/i&gt; in https://my-shop.beyondshop.cloud/cockpit/login.</source>
        <translation>&lt;b&gt;Ihr Shopname&lt;/b&gt;: der Teil vor &lt;i&gt;.beyondshop.cloud&lt;/i&gt; in der Adresse Ihres Cockpits, z. B. &lt;i&gt;mein-shop&lt;/i&gt; in https://mein-shop.beyondshop.cloud/cockpit/login.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A client id and client secret&lt;/b&gt; of an app of your own: in the ePages cockpit open &lt;i&gt;Apps &amp;gt; Eigene Apps &amp;gt; Eigene App hinzufügen&lt;/i&gt;, give it a name (for example &quot;Afosto&quot;), leave the callback address empty, tick the permissions shown on the next page, click &lt;i&gt;Speichern&lt;/i&gt;, and copy client_id and client_secret from the section &lt;i&gt;Client credentials&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Eine Client-ID und ein Client-Secret&lt;/b&gt; einer eigenen App: öffnen Sie im ePages-Cockpit &lt;i&gt;Apps &amp;gt; Eigene Apps &amp;gt; Eigene App hinzufügen&lt;/i&gt;, geben Sie ihr einen Namen (zum Beispiel „Afosto“), lassen Sie die Callback-Adresse leer, setzen Sie die Haken bei den Berechtigungen, die die nächste Seite zeigt, klicken Sie auf &lt;i&gt;Speichern&lt;/i&gt; und kopieren Sie client_id und client_secret aus dem Abschnitt &lt;i&gt;Client credentials&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;An Afosto API key&lt;/b&gt; for this connection (made in Afosto&apos;s settings, under API).</source>
        <translation>&lt;b&gt;Einen Afosto-API-Schlüssel&lt;/b&gt; für diese Verbindung (erstellt in den Afosto-Einstellungen unter API).</translation>
    </message>
    <message>
        <source>&lt;b&gt;In Afosto&lt;/b&gt;: a sales channel for the webshop&apos;s orders, and the locations (warehouses, shops) that belong to your ePages locations.</source>
        <translation>&lt;b&gt;In Afosto&lt;/b&gt;: einen Vertriebskanal für die Bestellungen des Webshops und die Standorte (Lager, Läden), die zu Ihren ePages-Standorten gehören.</translation>
    </message>
    <message>
        <source>What it does:</source>
        <translation>Was die App tut:</translation>
    </message>
    <message>
        <source>What you need for the setup:</source>
        <translation>Was Sie für die Einrichtung brauchen:</translation>
    </message>
    <message>
        <source>The setup takes about five minutes. You can go back at any step, and change everything later under Settings.</source>
        <translation>Die Einrichtung dauert etwa fünf Minuten. Sie können bei jedem Schritt zurückgehen und später alles unter Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Demo: the fields are filled in for a simulated shop and warehouse on this computer. Nothing here touches a real shop.</source>
        <translation>Demo: die Felder sind für einen simulierten Shop mit Lager auf diesem Computer ausgefüllt. Nichts hier berührt einen echten Shop.</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Retry asked for on the command line: {reference}.</source>
        <translation>Erneuter Versuch über die Befehlszeile angefordert: {reference}.</translation>
    </message>
    <message>
        <source>Dismissed on the command line: parked item {id}.</source>
        <translation>Über die Befehlszeile verworfen: wartender Vorgang {id}.</translation>
    </message>
    <message>
        <source>Dismissed on the command line: {n} parked items.</source>
        <translation>Über die Befehlszeile verworfen: {n} wartende Vorgänge.</translation>
    </message>
    <message>
        <source>Name one of them with --store NAME, or add a store with &apos;epages-sync configure --store NEW ...&apos;.</source>
        <translation>Nenne einen davon mit --store NAME, oder füge einen Shop mit &apos;epages-sync configure --store NEU ...&apos; hinzu.</translation>
    </message>
    <message>
        <source>This installation has several stores: {names}. &apos;{command}&apos; works on one of them.</source>
        <translation>Diese Installation hat mehrere Shops: {names}. &apos;{command}&apos; arbeitet mit einem davon.</translation>
    </message>
    <message>
        <source>Choose one with --store NAME, for example &apos;epages-sync {command} --store {first}&apos;.</source>
        <translation>Wähle einen mit --store NAME, zum Beispiel &apos;epages-sync {command} --store {first}&apos;.</translation>
    </message>
    <message>
        <source>Request too large for Afosto</source>
        <translation>Anfrage zu groß für Afosto</translation>
    </message>
    <message>
        <source>Afosto API does not fit</source>
        <translation>Afosto-API passt nicht</translation>
    </message>
    <message>
        <source>Run &apos;epages-sync check&apos;: it names the operation and the field that does not fit. The documents in afosto_ops can then be adjusted; nothing was changed in Afosto.</source>
        <translation>Führen Sie &apos;epages-sync check&apos; aus: es nennt die Funktion und das Feld, die nicht passen. Danach lassen sich die Dokumente in afosto_ops anpassen; in Afosto wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Afosto answered without the order.</source>
        <translation>Afosto hat ohne den Auftrag geantwortet.</translation>
    </message>
    <message>
        <source>Afosto answered without the parcel.</source>
        <translation>Afosto hat ohne das Paket geantwortet.</translation>
    </message>
    <message>
        <source>Afosto refused the API key: {reason}</source>
        <translation>Afosto hat den API-Schlüssel abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>Afosto API key</source>
        <translation>Afosto-API-Schlüssel</translation>
    </message>
    <message>
        <source>The Afosto API key may not use {what}: {reason}</source>
        <translation>Der Afosto-API-Schlüssel darf {what} nicht verwenden: {reason}</translation>
    </message>
    <message>
        <source>Afosto API key ({what})</source>
        <translation>Afosto-API-Schlüssel ({what})</translation>
    </message>
    <message>
        <source>Give the API key access to this part in Afosto (Settings &gt; API), or create a key with it, then enter the key again.</source>
        <translation>Geben Sie dem API-Schlüssel in Afosto (Einstellungen &gt; API) Zugriff auf diesen Bereich oder erstellen Sie einen Schlüssel mit diesem Zugriff, und geben Sie den Schlüssel dann erneut ein.</translation>
    </message>
    <message>
        <source>Afosto asked us to slow down (RATE_LIMITED).</source>
        <translation>Afosto hat gebeten, weniger Anfragen zu senden (RATE_LIMITED).</translation>
    </message>
    <message>
        <source>Afosto failed on its side (INTERNAL_SERVER_ERROR).</source>
        <translation>Bei Afosto ist ein Fehler aufgetreten (INTERNAL_SERVER_ERROR).</translation>
    </message>
    <message>
        <source>Afosto refused a request of {size} bytes as too large.</source>
        <translation>Afosto hat eine Anfrage von {size} Bytes als zu groß abgelehnt.</translation>
    </message>
    <message>
        <source>Afosto answered HTTP {status} without a GraphQL answer.</source>
        <translation>Afosto hat mit HTTP {status} ohne GraphQL-Antwort geantwortet.</translation>
    </message>
    <message>
        <source>Afosto answered {operation} without data.</source>
        <translation>Afosto hat auf {operation} ohne Daten geantwortet.</translation>
    </message>
    <message>
        <source>Afosto has no order {order}.</source>
        <translation>Afosto hat keine Bestellung {order}.</translation>
    </message>
    <message>
        <source>Afosto order {order}</source>
        <translation>Afosto-Bestellung {order}</translation>
    </message>
    <message>
        <source>No ePages client id is set.</source>
        <translation>Es ist keine ePages-Client-ID eingetragen.</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>There is no ePages shop at {host}.</source>
        <translation>Unter {host} gibt es keinen ePages-Shop.</translation>
    </message>
    <message>
        <source>ePages says the app was revoked.</source>
        <translation>Laut ePages wurde die App gesperrt.</translation>
    </message>
    <message>
        <source>ePages client id</source>
        <translation>ePages-Client-ID</translation>
    </message>
    <message>
        <source>ePages refused the client id and secret.</source>
        <translation>ePages hat Client-ID und Secret abgelehnt.</translation>
    </message>
    <message>
        <source>ePages login answered unexpectedly (HTTP {status}).</source>
        <translation>Die ePages-Anmeldung hat unerwartet geantwortet (HTTP {status}).</translation>
    </message>
    <message>
        <source>ePages login</source>
        <translation>ePages-Anmeldung</translation>
    </message>
    <message>
        <source>There is no ePages shop named &apos;{store}&apos;.</source>
        <translation>Es gibt keinen ePages-Shop namens &apos;{store}&apos;.</translation>
    </message>
    <message>
        <source>ePages refused the access token twice in a row.</source>
        <translation>ePages hat das Zugriffstoken zweimal hintereinander abgelehnt.</translation>
    </message>
    <message>
        <source>The ePages app lacks the permission &apos;{label}&apos; ({scope}).</source>
        <translation>Der ePages-App fehlt die Berechtigung &apos;{label}&apos; ({scope}).</translation>
    </message>
    <message>
        <source>ePages refused the request: {reason}.</source>
        <translation>ePages hat die Anfrage abgelehnt: {reason}.</translation>
    </message>
    <message>
        <source>ePages refused the value: {reason}</source>
        <translation>ePages hat den Wert abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>ePages does not know it: {reason}</source>
        <translation>ePages kennt es nicht: {reason}</translation>
    </message>
    <message>
        <source>ePages refused it: {reason}</source>
        <translation>ePages hat es abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>ePages answered HTTP {status}: {reason}</source>
        <translation>ePages hat mit HTTP {status} geantwortet: {reason}</translation>
    </message>
    <message>
        <source>ePages sent an answer this version cannot read: {problem}.</source>
        <translation>ePages hat eine Antwort geschickt, die diese Version nicht lesen kann: {problem}.</translation>
    </message>
    <message>
        <source>Answer lost</source>
        <translation>Antwort verloren</translation>
    </message>
    <message>
        <source>The change may or may not have arrived. The sync reads the current state before it sends anything again, so nothing is applied twice.</source>
        <translation>Die Änderung ist vielleicht angekommen, vielleicht auch nicht. Der Abgleich liest den aktuellen Stand, bevor er etwas erneut sendet, daher wird nichts doppelt ausgeführt.</translation>
    </message>
    <message>
        <source>Address not found</source>
        <translation>Adresse nicht gefunden</translation>
    </message>
    <message>
        <source>Check the address; if it is right, check the internet connection of this computer.</source>
        <translation>Prüfen Sie die Adresse; wenn sie stimmt, prüfen Sie die Internetverbindung dieses Computers.</translation>
    </message>
    <message>
        <source>{api} failed {failures} times in a row; requests are paused for {seconds} s so the service is not flooded.</source>
        <translation>{api} ist {failures}-mal hintereinander fehlgeschlagen; Anfragen werden für {seconds} s ausgesetzt, damit der Dienst nicht überlastet wird.</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified.</source>
        <translation>Das Zertifikat von {host} konnte nicht überprüft werden.</translation>
    </message>
    <message>
        <source>The address {host} does not exist.</source>
        <translation>Die Adresse {host} existiert nicht.</translation>
    </message>
    <message>
        <source>{api} could not be reached ({reason}).</source>
        <translation>{api} war nicht erreichbar ({reason}).</translation>
    </message>
    <message>
        <source>{api} did not answer in time ({reason}).</source>
        <translation>{api} hat nicht rechtzeitig geantwortet ({reason}).</translation>
    </message>
    <message>
        <source>{request}: {problem} It is not known whether the change was applied.</source>
        <translation>{request}: {problem} Ob die Änderung ausgeführt wurde, ist nicht bekannt.</translation>
    </message>
    <message>
        <source>{api} asked to wait {seconds} s before the next request.</source>
        <translation>{api} hat gebeten, vor der nächsten Anfrage {seconds} s zu warten.</translation>
    </message>
    <message>
        <source>{api} asked us to slow down (HTTP 429).</source>
        <translation>{api} hat gebeten, weniger Anfragen zu senden (HTTP 429).</translation>
    </message>
    <message>
        <source>{api} answered with a server error (HTTP {status}).</source>
        <translation>{api} hat mit einem Serverfehler geantwortet (HTTP {status}).</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a store name. Enter only the part before &apos;{suffix}&apos;, for example &apos;my-shop&apos; from https://my-shop{suffix}/cockpit/login.</source>
        <translation>&apos;{raw}&apos; ist kein Shopname. Geben Sie nur den Teil vor &apos;{suffix}&apos; ein, zum Beispiel &apos;mein-shop&apos; aus https://mein-shop{suffix}/cockpit/login.</translation>
    </message>
    <message>
        <source>store name</source>
        <translation>Shopname</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a valid store name: use 1 to 63 lower-case letters, digits and hyphens, not starting or ending with a hyphen.</source>
        <translation>&apos;{raw}&apos; ist kein gültiger Shopname: verwenden Sie 1 bis 63 Kleinbuchstaben, Ziffern und Bindestriche, ohne Bindestrich am Anfang oder Ende.</translation>
    </message>
    <message>
        <source>No store name is set.</source>
        <translation>Es ist kein Shopname eingetragen.</translation>
    </message>
    <message>
        <source>press {button}</source>
        <translation>klicken Sie auf „{button}“</translation>
    </message>
    <message>
        <source>There is no ePages shop named &apos;{store}&apos;. The store name is the part before .beyondshop.cloud in the address of your cockpit.</source>
        <translation>Es gibt keinen ePages-Shop namens &apos;{store}&apos;. Der Shopname ist der Teil vor .beyondshop.cloud in der Adresse Ihres Cockpits.</translation>
    </message>
    <message>
        <source>Copy the key again from Afosto&apos;s settings (API), or make a new one there, then {again}.</source>
        <translation>Kopieren Sie den Schlüssel erneut aus den Afosto-Einstellungen (API) oder legen Sie dort einen neuen an, und {again}.</translation>
    </message>
    <message>
        <source>Copy the key again from Afosto&apos;s settings (API), or make a new one there. {resave} Then {again}.</source>
        <translation>Kopieren Sie den Schlüssel erneut aus den Afosto-Einstellungen (API) oder legen Sie dort einen neuen an. {resave} Dann {again}.</translation>
    </message>
    <message>
        <source>API key refused</source>
        <translation>API-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>Afosto did not accept this API key. {how}</source>
        <translation>Afosto hat diesen API-Schlüssel nicht angenommen. {how}</translation>
    </message>
    <message>
        <source>Copy both again from the cockpit (Apps &gt; Eigene Apps &gt; your app, section Client credentials), then {again}.</source>
        <translation>Kopieren Sie beide erneut aus dem Cockpit (Apps &gt; Eigene Apps &gt; Ihre App, Abschnitt Client credentials), und {again}.</translation>
    </message>
    <message>
        <source>Copy both again from the cockpit (Apps &gt; Eigene Apps &gt; your app, section Client credentials). {resave} Then {again}.</source>
        <translation>Kopieren Sie beide erneut aus dem Cockpit (Apps &gt; Eigene Apps &gt; Ihre App, Abschnitt Client credentials). {resave} Dann {again}.</translation>
    </message>
    <message>
        <source>Client id or secret refused</source>
        <translation>Client-ID oder Secret abgelehnt</translation>
    </message>
    <message>
        <source>ePages did not accept this client id and client secret. {how}</source>
        <translation>ePages hat diese Client-ID und dieses Client-Secret nicht angenommen. {how}</translation>
    </message>
    <message>
        <source>The app was removed in the cockpit</source>
        <translation>Die App wurde im Cockpit entfernt</translation>
    </message>
    <message>
        <source>ePages says this app was deleted or revoked. Create it again under Apps &gt; Eigene Apps &gt; Eigene App hinzufügen and enter its new client id and secret.</source>
        <translation>Laut ePages wurde diese App gelöscht oder gesperrt. Legen Sie sie unter Apps &gt; Eigene Apps &gt; Eigene App hinzufügen neu an und geben Sie die neue Client-ID und das neue Secret ein.</translation>
    </message>
    <message>
        <source>The local sandbox is not running</source>
        <translation>Die lokale Sandbox läuft nicht</translation>
    </message>
    <message>
        <source>Nothing answers at {address} on this computer: the sandbox (or the demo) that simulates ePages and Afosto is not running. Start it again, then {again}.</source>
        <translation>Unter {address} auf diesem Computer antwortet nichts: Die Sandbox (oder die Demo), die ePages und Afosto simuliert, läuft nicht. Starten Sie sie erneut, und {again}.</translation>
    </message>
    <message>
        <source>{service} could not be reached. Check this computer&apos;s internet connection, then {again}.</source>
        <translation>{service} war nicht erreichbar. Prüfen Sie die Internetverbindung dieses Computers, und {again}.</translation>
    </message>
    <message>
        <source>The secure connection could not be verified</source>
        <translation>Die sichere Verbindung konnte nicht überprüft werden</translation>
    </message>
    <message>
        <source>Check that this computer&apos;s date and time are right, and whether a proxy or an antivirus program inspects secure (HTTPS) connections.</source>
        <translation>Prüfen Sie, ob Datum und Uhrzeit dieses Computers stimmen und ob ein Proxy oder Virenscanner sichere (HTTPS-)Verbindungen untersucht.</translation>
    </message>
    <message>
        <source>Please check your entry</source>
        <translation>Bitte prüfen Sie Ihre Eingabe</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>{message} {action}</source>
        <translation>{message} {action}</translation>
    </message>
    <message>
        <source>The client secret is empty.</source>
        <translation>Das Client-Secret ist leer.</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>The API key is empty.</source>
        <translation>Der API-Schlüssel ist leer.</translation>
    </message>
    <message>
        <source>Afosto sales channel</source>
        <translation>Afosto-Vertriebskanal</translation>
    </message>
    <message>
        <source>Afosto has no sales channel with the id {id}.</source>
        <translation>Afosto hat keinen Vertriebskanal mit der ID {id}.</translation>
    </message>
    <message>
        <source>Choose the sales channel again in the setup.</source>
        <translation>Wählen Sie den Vertriebskanal in der Einrichtung erneut.</translation>
    </message>
    <message>
        <source>No sales channel chosen</source>
        <translation>Kein Vertriebskanal gewählt</translation>
    </message>
    <message>
        <source>No Afosto sales channel is chosen yet.</source>
        <translation>Es ist noch kein Afosto-Vertriebskanal gewählt.</translation>
    </message>
    <message>
        <source>Choose the sales channel the imported orders belong to in the setup.</source>
        <translation>Wählen Sie in der Einrichtung den Vertriebskanal, zu dem die übernommenen Bestellungen gehören.</translation>
    </message>
    <message>
        <source>run &apos;epages-sync check&apos; again</source>
        <translation>führen Sie &apos;epages-sync check&apos; erneut aus</translation>
    </message>
    <message>
        <source>The folder {folder} could not be made: the disk is full.</source>
        <translation>Der Ordner {folder} konnte nicht angelegt werden: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made: {file} is a file, not a folder.</source>
        <translation>Der Ordner {folder} kann nicht angelegt werden: {file} ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made: {reason}.</source>
        <translation>Der Ordner {folder} kann nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only for this user account.</source>
        <translation>Der Ordner {folder} ist für dieses Benutzerkonto schreibgeschützt.</translation>
    </message>
    <message>
        <source>The file {file} is read-only for this user account.</source>
        <translation>Die Datei {file} ist für dieses Benutzerkonto schreibgeschützt.</translation>
    </message>
    <message>
        <source>The damaged database was moved aside to {aside} and a fresh one started ({problem}). The settings were kept; the sync finds again what both systems already have.</source>
        <translation>Die beschädigte Datenbank wurde nach {aside} beiseitegelegt und eine neue begonnen ({problem}). Die Einstellungen blieben erhalten; die Synchronisation findet wieder, was beide Systeme schon haben.</translation>
    </message>
    <message>
        <source>The database {path} is empty (0 bytes): what it held is gone, for example because the disk was full or the computer was switched off while it was written.</source>
        <translation>Die Datenbank {path} ist leer (0 Byte): Ihr Inhalt ist verloren, zum Beispiel weil der Datenträger voll war oder der Computer beim Schreiben ausgeschaltet wurde.</translation>
    </message>
    <message>
        <source>The damaged database {path} could not be moved aside: {reason}. Close every program that may have it open, then try again.</source>
        <translation>Die beschädigte Datenbank {path} konnte nicht beiseitegelegt werden: {reason}. Schließen Sie alle Programme, die sie geöffnet haben könnten, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>the installation file</source>
        <translation>Die Installationsdatei</translation>
    </message>
    <message>
        <source>1 order adopted from Afosto: it was there already (a new, restored or second copy of this app&apos;s database), so it was linked, not created again.</source>
        <translation>1 Bestellung aus Afosto übernommen: Sie war dort schon vorhanden (eine neue, wiederhergestellte oder zweite Datenbank dieser App), daher wurde sie verknüpft und nicht noch einmal angelegt.</translation>
    </message>
    <message>
        <source>{n} orders adopted from Afosto: they were there already (a new, restored or second copy of this app&apos;s database), so they were linked, not created again.</source>
        <translation>{n} Bestellungen aus Afosto übernommen: Sie waren dort schon vorhanden (eine neue, wiederhergestellte oder zweite Datenbank dieser App), daher wurden sie verknüpft und nicht noch einmal angelegt.</translation>
    </message>
    <message>
        <source>Matched on both sides and linked, not carried over again: {shipments} shipments or pickups, {units} cancelled units, {returns} returns.</source>
        <translation>Auf beiden Seiten gefunden und verknüpft, nicht noch einmal übertragen: {shipments} Sendungen oder Abholungen, {units} stornierte Einheiten, {returns} Retouren.</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>bestellt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>versandt</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>ready for pickup</source>
        <translation>abholbereit</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>abgeholt</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>zurückgegeben</translation>
    </message>
    <message>
        <source>returned as defect</source>
        <translation>als defekt zurückgegeben</translation>
    </message>
    <message>
        <source>Order {number} is in ePages but not in Afosto. The sync imports it at its next order check; if it stays missing, look for an attention item about this order, or start the sync.</source>
        <translation>Bestellung {number} ist in ePages, aber nicht in Afosto. Der Abgleich übernimmt sie bei der nächsten Bestellprüfung; fehlt sie danach noch, suchen Sie nach einem Eintrag „Klärung nötig“ zu dieser Bestellung oder starten Sie den Abgleich.</translation>
    </message>
    <message>
        <source>Order {number} is in Afosto {count} times ({afosto_numbers}). A second copy of this app (on another computer, or with another data folder) may be syncing the same shop: keep only one running. Then cancel the extra Afosto orders by hand.</source>
        <translation>Bestellung {number} ist {count}-mal in Afosto ({afosto_numbers}). Vielleicht gleicht eine zweite Kopie dieser App (auf einem anderen Computer oder mit einem anderen Datenordner) denselben Shop ab: Lassen Sie nur eine laufen. Stornieren Sie dann die überzähligen Afosto-Bestellungen von Hand.</translation>
    </message>
    <message>
        <source>Afosto order {afosto_number} refers to ePages order {order}, which the shop does not have. Check whether it was deleted in ePages; cancel the Afosto order if it must not be delivered.</source>
        <translation>Die Afosto-Bestellung {afosto_number} verweist auf die ePages-Bestellung {order}, die der Shop nicht hat. Prüfen Sie, ob sie in ePages gelöscht wurde; stornieren Sie die Afosto-Bestellung, wenn sie nicht geliefert werden soll.</translation>
    </message>
    <message>
        <source>Stock of {sku} is {shown} in ePages but should be {target} (Afosto has {stock} available in the shop&apos;s locations, less {held} in ePages orders not in Afosto). The stock sync sets it at its next check; if it stays, check the Afosto locations that feed the shop in Settings.</source>
        <translation>Der Bestand von {sku} ist {shown} in ePages, sollte aber {target} sein (Afosto hat {stock} verfügbar an den Standorten des Shops, abzüglich {held} in ePages-Bestellungen, die nicht in Afosto sind). Der Bestandsabgleich setzt ihn bei der nächsten Prüfung; bleibt er falsch, prüfen Sie in den Einstellungen die Afosto-Standorte, die den Bestand für den Shop liefern.</translation>
    </message>
    <message>
        <source>Order {number}: {counted} units of {sku}: {shop} in ePages, {warehouse} in Afosto (Afosto order {afosto_number}). Compare the order in the ePages cockpit and in Afosto and correct the side that is wrong; the sync carries changes over, not differences that are there already.</source>
        <translation>Bestellung {number}, {sku}, {counted}: {shop} in ePages, {warehouse} in Afosto (Afosto-Bestellung {afosto_number}). Vergleichen Sie die Bestellung im ePages-Cockpit und in Afosto und korrigieren Sie die Seite, die falsch ist; der Abgleich überträgt Änderungen, keine Abweichungen, die schon bestehen.</translation>
    </message>
    <message>
        <source>Both systems compared: no differences.</source>
        <translation>Beide Systeme verglichen: keine Abweichungen.</translation>
    </message>
    <message>
        <source>Both systems compared: {n} differences ({missing} orders missing in Afosto, {twice} in Afosto more than once, {units} unit counts, {stock} stock figures, {gone} Afosto orders without a shop order).</source>
        <translation>Beide Systeme verglichen: {n} Abweichungen ({missing} Bestellungen fehlen in Afosto, {twice} mehrfach in Afosto, {units} Stückzahlen, {stock} Bestände, {gone} Afosto-Bestellungen ohne Shop-Bestellung).</translation>
    </message>
    <message>
        <source>Order {number} was shipped in ePages (tracking {epages_code}) and in Afosto (tracking {afosto_code}) at the same moment; the units count once. Check which parcel really left, correct the tracking code in the other system, then dismiss this item.</source>
        <translation>Bestellung {number} wurde gleichzeitig in ePages (Sendungsnummer {epages_code}) und in Afosto (Sendungsnummer {afosto_code}) versandt; die Einheiten zählen einmal. Prüfen Sie, welches Paket wirklich verschickt wurde, korrigieren Sie die Sendungsnummer im anderen System und verwerfen Sie dann diesen Eintrag.</translation>
    </message>
    <message>
        <source>Orders kept changing in ePages while they were read.</source>
        <translation>Bestellungen haben sich in ePages beim Lesen ständig geändert.</translation>
    </message>
    <message>
        <source>Order {number} could not be read: {problem}. Nothing of it was imported; the other orders go on. Check the order in the ePages cockpit, then {retry}.</source>
        <translation>Bestellung {number} konnte nicht gelesen werden: {problem}. Nichts davon wurde übernommen; die anderen Bestellungen laufen weiter. Prüfen Sie die Bestellung im ePages-Cockpit und {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: {units} unit(s) ({skus}) were shipped in ePages, but the warehouse cancelled them in Afosto at the same time. Check whether they left, correct the order in the system that is wrong, then dismiss this item.</source>
        <translation>Bestellung {number}: {units} Einheit(en) ({skus}) wurden in ePages versandt, aber das Lager hat sie gleichzeitig in Afosto storniert. Prüfen Sie, ob sie verschickt wurden, korrigieren Sie die Bestellung im System, das falsch ist, und verwerfen Sie dann diesen Eintrag.</translation>
    </message>
    <message>
        <source>Order {number}: the cancellation is now the same in ePages and Afosto.</source>
        <translation>Bestellung {number}: Die Stornierung ist jetzt in ePages und Afosto gleich.</translation>
    </message>
    <message>
        <source>Order {number}: {units} unit(s) ({skus}) were cancelled in ePages after the warehouse had packed them in Afosto, so Afosto cannot cancel them. Stop the parcel and cancel the units in Afosto, or settle it with the customer; then dismiss this item.</source>
        <translation>Bestellung {number}: {units} Einheit(en) ({skus}) wurden in ePages storniert, nachdem das Lager sie in Afosto bereits verpackt hatte; Afosto kann sie daher nicht stornieren. Halten Sie das Paket an und stornieren Sie die Einheiten in Afosto, oder klären Sie es mit dem Kunden; verwerfen Sie dann diesen Eintrag.</translation>
    </message>
    <message>
        <source>Order {number} was shipped in ePages and in Afosto at the same moment; the units count once.</source>
        <translation>Bestellung {number} wurde gleichzeitig in ePages und in Afosto versandt; die Einheiten zählen einmal.</translation>
    </message>
    <message>
        <source>Order {number}: the tracking codes in ePages and Afosto agree again.</source>
        <translation>Bestellung {number}: Die Sendungsnummern in ePages und Afosto stimmen wieder überein.</translation>
    </message>
    <message>
        <source>Order {number}: some units shipped in ePages were shipped by the warehouse at the same time; they are counted once, and the rest is recorded in Afosto.</source>
        <translation>Bestellung {number}: Einige in ePages versandte Einheiten hat das Lager gleichzeitig verschickt; sie zählen einmal, der Rest wird in Afosto erfasst.</translation>
    </message>
    <message>
        <source>{n} cancelled</source>
        <translation>{n} storniert</translation>
    </message>
    <message>
        <source>{n} shipped</source>
        <translation>{n} versandt</translation>
    </message>
    <message>
        <source>{n} ready for pickup or picked up</source>
        <translation>{n} abholbereit oder abgeholt</translation>
    </message>
    <message>
        <source>{n} returned</source>
        <translation>{n} retourniert</translation>
    </message>
    <message>
        <source>{n} defect</source>
        <translation>{n} defekt</translation>
    </message>
    <message>
        <source>Orders to import into Afosto: {orders} ({units} units).</source>
        <translation>Bestellungen, die nach Afosto übernommen würden: {orders} ({units} Einheiten).</translation>
    </message>
    <message>
        <source>  {number}: {units} units, then {then}</source>
        <translation>  {number}: {units} Einheiten, danach {then}</translation>
    </message>
    <message>
        <source>  {number}: {units} units</source>
        <translation>  {number}: {units} Einheiten</translation>
    </message>
    <message>
        <source>  ... and {more} more.</source>
        <translation>  ... und {more} weitere.</translation>
    </message>
    <message>
        <source>Orders Afosto has already, to be linked, not created again: {orders}.</source>
        <translation>Bestellungen, die Afosto schon hat und die verknüpft, nicht noch einmal angelegt würden: {orders}.</translation>
    </message>
    <message>
        <source>Carried over to Afosto after the import: {cancelled} cancelled, {shipped} shipped, {pickup} ready for pickup or picked up, {returned} returned, {defect} defect.</source>
        <translation>Nach der Übernahme in Afosto nachgetragen: {cancelled} storniert, {shipped} versandt, {pickup} abholbereit oder abgeholt, {returned} retourniert, {defect} defekt.</translation>
    </message>
    <message>
        <source>Orders already linked with changes to carry over: {orders}.</source>
        <translation>Bereits verknüpfte Bestellungen mit Änderungen zum Übertragen: {orders}.</translation>
    </message>
    <message>
        <source>Orders that would wait for a person: {orders}.</source>
        <translation>Bestellungen, die auf eine Person warten würden: {orders}.</translation>
    </message>
    <message>
        <source>  {reason}</source>
        <translation>  {reason}</translation>
    </message>
    <message>
        <source>  {number}: {reason}</source>
        <translation>  {number}: {reason}</translation>
    </message>
    <message>
        <source>Stock is not synced (switched off in the settings or not permitted in ePages).</source>
        <translation>Der Bestand wird nicht abgeglichen (in den Einstellungen ausgeschaltet oder in ePages nicht erlaubt).</translation>
    </message>
    <message>
        <source>Stock figures the shop would get now, counting the orders not yet in Afosto as sold: {changed} changed, {same} unchanged.</source>
        <translation>Bestände, die der Shop jetzt bekäme (Bestellungen, die noch nicht in Afosto sind, gelten als verkauft): {changed} geändert, {same} unverändert.</translation>
    </message>
    <message>
        <source>  {sku}: {shop} -&gt; {target}</source>
        <translation>  {sku}: {shop} -&gt; {target}</translation>
    </message>
    <message>
        <source>So many figures would drop sharply that the stock push would wait for a person to confirm it (check the location mapping).</source>
        <translation>So viele Bestände würden stark sinken, dass die Übertragung auf die Bestätigung einer Person warten würde (prüfen Sie die Zuordnung der Standorte).</translation>
    </message>
    <message>
        <source>Order {number}: {units} unit(s) ({skus}) were cancelled in Afosto, but ePages shows them shipped or handed out already, so ePages cannot cancel them. Check whether they left, correct the order in the system that is wrong, then dismiss this item.</source>
        <translation>Bestellung {number}: {units} Einheit(en) ({skus}) wurden in Afosto storniert, aber ePages zeigt sie schon als versandt oder ausgehändigt, daher kann ePages sie nicht stornieren. Prüfen Sie, ob sie verschickt wurden, korrigieren Sie die Bestellung im System, das falsch ist, und verwerfen Sie dann diesen Eintrag.</translation>
    </message>
    <message>
        <source>Order {number}: the return was booked in ePages at the same moment; the two count as one.</source>
        <translation>Bestellung {number}: Die Retoure wurde gleichzeitig in ePages gebucht; beide zählen als eine.</translation>
    </message>
    <message>
        <source>Order {number}: a return decided in Afosto is counted in ePages already, but no return booked in ePages holds the same units. Compare the returns in both systems and correct the one that is wrong (stock may have been put back twice); then dismiss this item.</source>
        <translation>Bestellung {number}: Eine in Afosto entschiedene Retoure ist in ePages schon gezählt, aber keine in ePages gebuchte Retoure enthält dieselben Einheiten. Vergleichen Sie die Retouren in beiden Systemen und korrigieren Sie die falsche (der Bestand wurde eventuell doppelt zurückgebucht); verwerfen Sie dann diesen Eintrag.</translation>
    </message>
    <message>
        <source>Comparing both systems did not finish: {problem} It is tried again in an hour.</source>
        <translation>Der Vergleich beider Systeme wurde nicht abgeschlossen: {problem} Er wird in einer Stunde erneut versucht.</translation>
    </message>
    <message>
        <source>Comparing both systems did not finish: {problem}</source>
        <translation>Der Vergleich beider Systeme wurde nicht abgeschlossen: {problem}</translation>
    </message>
    <message>
        <source>its sync is not connected</source>
        <translation>seine Synchronisierung ist nicht verbunden</translation>
    </message>
    <message>
        <source>its shop did not answer within {seconds} s</source>
        <translation>sein Shop hat nicht innerhalb von {seconds} s geantwortet</translation>
    </message>
    <message>
        <source>an unexpected error: {error}</source>
        <translation>ein unerwarteter Fehler: {error}</translation>
    </message>
    <message>
        <source>its sync stopped</source>
        <translation>seine Synchronisierung wurde beendet</translation>
    </message>
    <message>
        <source>The orders of store {store} could not be read for the stock figures ({problem}). Its reading of {time} counts instead until it answers again.</source>
        <translation>Die Bestellungen des Shops {store} konnten für die Bestandszahlen nicht gelesen werden ({problem}). Bis er wieder antwortet, zählt stattdessen sein Stand von {time}.</translation>
    </message>
    <message>
        <source>The orders of store {store} are read again for the stock figures.</source>
        <translation>Die Bestellungen des Shops {store} werden wieder für die Bestandszahlen gelesen.</translation>
    </message>
    <message>
        <source>Stock of {skus} not raised yet: store {store} sells from the same stock and has not told its orders since the start ({problem}), so a higher figure could sell the same units twice. Lower figures are sent; the others follow as soon as it answers.</source>
        <translation>Bestand von {skus} noch nicht erhöht: Der Shop {store} verkauft aus demselben Bestand und hat seit dem Start seine Bestellungen nicht mitgeteilt ({problem}); eine höhere Zahl könnte dieselben Stücke zweimal verkaufen. Niedrigere Zahlen werden gesendet, die anderen folgen, sobald er antwortet.</translation>
    </message>
    <message>
        <source>The stock check tries again shortly.</source>
        <translation>Die Bestandsprüfung versucht es gleich noch einmal.</translation>
    </message>
    <message>
        <source>not run by this command</source>
        <translation>von diesem Befehl nicht ausgeführt</translation>
    </message>
    <message>
        <source>Local database problem</source>
        <translation>Problem mit der lokalen Datenbank</translation>
    </message>
    <message>
        <source>The sync&apos;s own database on this computer could not be used. Close the app, make sure the disk is not full, and start again. If it keeps happening, send the log to support.</source>
        <translation>Die eigene Datenbank der Synchronisation auf diesem Computer konnte nicht verwendet werden. Schließen Sie die App, prüfen Sie, ob der Datenträger voll ist, und starten Sie erneut. Wenn es wieder passiert, senden Sie das Protokoll an den Support.</translation>
    </message>
    <message>
        <source>Data from a newer version</source>
        <translation>Daten einer neueren Version</translation>
    </message>
    <message>
        <source>This data folder was last used by a newer version of epages-sync. Install that version (or a later one) again; nothing in the folder was changed.</source>
        <translation>Dieser Datenordner wurde zuletzt von einer neueren Version von epages-sync verwendet. Installieren Sie diese (oder eine spätere) Version wieder; im Ordner wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Not an epages-sync database</source>
        <translation>Keine Datenbank von epages-sync</translation>
    </message>
    <message>
        <source>The database file belongs to another program. Choose another data folder; the file was not changed.</source>
        <translation>Die Datenbankdatei gehört zu einem anderen Programm. Wählen Sie einen anderen Datenordner; die Datei wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Already linked differently</source>
        <translation>Bereits anders verknüpft</translation>
    </message>
    <message>
        <source>The item is already linked to another one. Look at both in ePages and Afosto; send the log to support if they really belong together.</source>
        <translation>Der Eintrag ist bereits mit einem anderen verknüpft. Sehen Sie sich beide in ePages und Afosto an; senden Sie das Protokoll an den Support, wenn sie wirklich zusammengehören.</translation>
    </message>
    <message>
        <source>The local database is damaged</source>
        <translation>Die lokale Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>Nothing was changed. To move the damaged file aside (it is kept) and start a fresh database, agree in the window, or run the command again with --rebuild. Your settings and saved passwords are kept; the sync then finds again what both systems already have.</source>
        <translation>Es wurde nichts geändert. Um die beschädigte Datei beiseitezulegen (sie bleibt erhalten) und eine neue Datenbank zu beginnen, stimmen Sie im Fenster zu oder führen Sie den Befehl erneut mit --rebuild aus. Ihre Einstellungen und gespeicherten Passwörter bleiben erhalten; die Synchronisation findet dann wieder, was beide Systeme schon haben.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <source>Free some space on the disk that holds the data folder (or choose another folder with --data-dir), then start again. Nothing was lost.</source>
        <translation>Schaffen Sie Platz auf dem Datenträger mit dem Datenordner (oder wählen Sie mit --data-dir einen anderen Ordner) und starten Sie dann erneut. Es ging nichts verloren.</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>In den Datenordner kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Give your user account permission to change the data folder and its files (or choose another folder with --data-dir), then start again. Nothing was changed.</source>
        <translation>Geben Sie Ihrem Benutzerkonto das Recht, den Datenordner und seine Dateien zu ändern (oder wählen Sie mit --data-dir einen anderen Ordner), und starten Sie dann erneut. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The data folder cannot be made</source>
        <translation>Der Datenordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Choose another data folder with --data-dir, or make sure the named place exists and your user account may create folders there, then start again.</source>
        <translation>Wählen Sie mit --data-dir einen anderen Datenordner, oder sorgen Sie dafür, dass der genannte Ort existiert und Ihr Benutzerkonto dort Ordner anlegen darf, und starten Sie dann erneut.</translation>
    </message>
    <message>
        <source>The database {path} is damaged: SQLite reports &apos;{problem}&apos;.</source>
        <translation>Die Datenbank {path} ist beschädigt: SQLite meldet „{problem}“.</translation>
    </message>
    <message>
        <source>The database {path} could not be written: the disk is full.</source>
        <translation>In die Datenbank {path} konnte nicht geschrieben werden: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>The database {path} could not be opened for writing: SQLite reports &apos;{problem}&apos;.</source>
        <translation>Die Datenbank {path} konnte nicht zum Schreiben geöffnet werden: SQLite meldet „{problem}“.</translation>
    </message>
    <message>
        <source>The disk could not read or write the database {path}: SQLite reports &apos;{problem}&apos;.</source>
        <translation>Der Datenträger konnte die Datenbank {path} nicht lesen oder schreiben: SQLite meldet „{problem}“.</translation>
    </message>
    <message>
        <source>The database {path} could not be used: {problem}.</source>
        <translation>Die Datenbank {path} konnte nicht verwendet werden: {problem}.</translation>
    </message>
    <message>
        <source>the settings copy</source>
        <translation>Die Kopie der Einstellungen</translation>
    </message>
    <message>
        <source>Could not write {what} ({path}): the disk is full.</source>
        <translation>{what} ({path}) konnte nicht geschrieben werden: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>Could not write {what} ({path}): this user account may not change it.</source>
        <translation>{what} ({path}) konnte nicht geschrieben werden: Dieses Benutzerkonto darf sie nicht ändern.</translation>
    </message>
    <message>
        <source>Could not write {what} ({path}): {reason}.</source>
        <translation>{what} ({path}) konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>The database {path} is damaged: SQLite&apos;s check found &apos;{problem}&apos;.</source>
        <translation>Die Datenbank {path} ist beschädigt: Die Prüfung von SQLite fand „{problem}“.</translation>
    </message>
    <message>
        <source>The database {path} is damaged: its table(s) {tables} are missing.</source>
        <translation>Die Datenbank {path} ist beschädigt: Ihr(e) Tabelle(n) {tables} fehlen.</translation>
    </message>
    <message>
        <source>This installation already has a store named &apos;{name}&apos;. Choose it with --store {name}, or add a store with another name.</source>
        <translation>Diese Installation hat bereits einen Shop namens &apos;{name}&apos;. Wähle ihn mit --store {name}, oder füge einen Shop mit einem anderen Namen hinzu.</translation>
    </message>
    <message>
        <source>There is no store &apos;{name}&apos;: nothing is set up in this data folder yet.</source>
        <translation>Es gibt keinen Shop &apos;{name}&apos;: In diesem Datenordner ist noch nichts eingerichtet.</translation>
    </message>
    <message>
        <source>There is no store &apos;{name}&apos;. The stores of this installation: {names}.</source>
        <translation>Es gibt keinen Shop &apos;{name}&apos;. Die Shops dieser Installation: {names}.</translation>
    </message>
    <message>
        <source>the list of stores</source>
        <translation>die Liste der Shops</translation>
    </message>
    <message>
        <source>press Retry</source>
        <translation>klicken Sie auf „Erneut versuchen“</translation>
    </message>
    <message>
        <source>country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Order {number}: line {line} has no price.</source>
        <translation>Bestellung {number}: Position {line} hat keinen Preis.</translation>
    </message>
    <message>
        <source>Order {number} is in {currency}, but the Afosto sales channel uses {channel_currency}. Choose a sales channel in {currency} or handle this order by hand.</source>
        <translation>Bestellung {number} ist in {currency}, aber der Afosto-Vertriebskanal verwendet {channel_currency}. Wählen Sie einen Vertriebskanal in {currency} oder bearbeiten Sie diese Bestellung von Hand.</translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>keiner Währung</translation>
    </message>
    <message>
        <source>Order {number} has no product lines.</source>
        <translation>Bestellung {number} hat keine Artikelpositionen.</translation>
    </message>
    <message>
        <source>(no SKU, line {line})</source>
        <translation>(keine SKU, Position {line})</translation>
    </message>
    <message>
        <source>billing address</source>
        <translation>Rechnungsadresse</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>shipping address</source>
        <translation>Lieferadresse</translation>
    </message>
    <message>
        <source>Order {number} has no units left to import.</source>
        <translation>Bestellung {number} hat keine Einheiten mehr, die übernommen werden können.</translation>
    </message>
    <message>
        <source>Order {number}: shipment from ePages recorded in Afosto (tracking {code}).</source>
        <translation>Bestellung {number}: Versand aus ePages in Afosto erfasst (Sendungsnummer {code}).</translation>
    </message>
    <message>
        <source>Order {number}: delivery from ePages recorded in Afosto.</source>
        <translation>Bestellung {number}: Zustellung aus ePages in Afosto erfasst.</translation>
    </message>
    <message>
        <source>Order {number}: ready for pickup (from ePages) recorded in Afosto.</source>
        <translation>Bestellung {number}: „abholbereit“ (aus ePages) in Afosto erfasst.</translation>
    </message>
    <message>
        <source>Order {number}: picked up (from ePages) recorded in Afosto.</source>
        <translation>Bestellung {number}: „abgeholt“ (aus ePages) in Afosto erfasst.</translation>
    </message>
    <message>
        <source>Orders kept changing in ePages while they were read ({passes} times); the next order check reads them again.</source>
        <translation>Bestellungen haben sich in ePages während des Lesens immer wieder geändert ({passes}-mal); die nächste Bestellprüfung liest sie erneut.</translation>
    </message>
    <message>
        <source>Order {number}: the change that was waiting went through.</source>
        <translation>Bestellung {number}: die wartende Änderung ist durchgegangen.</translation>
    </message>
    <message>
        <source>Order {number}: a change made in ePages could not be applied in Afosto. {problem} {action}</source>
        <translation>Bestellung {number}: eine Änderung aus ePages konnte in Afosto nicht übernommen werden. {problem} {action}</translation>
    </message>
    <message>
        <source>Afosto refused order {number}: {problem}</source>
        <translation>Afosto hat Bestellung {number} abgelehnt: {problem}</translation>
    </message>
    <message>
        <source>Order {number} imported into Afosto as {afosto_number} ({lines} lines, {units} units).</source>
        <translation>Bestellung {number} als {afosto_number} in Afosto übernommen ({lines} Positionen, {units} Einheiten).</translation>
    </message>
    <message>
        <source>Afosto refused the lines of order {number}: {problem}</source>
        <translation>Afosto hat die Positionen von Bestellung {number} abgelehnt: {problem}</translation>
    </message>
    <message>
        <source>Order {number}: units shipped in ePages were packed by the warehouse at the same time; they are counted once.</source>
        <translation>Bestellung {number}: In ePages versandte Einheiten wurden gleichzeitig vom Lager verpackt; sie werden nur einmal gezählt.</translation>
    </message>
    <message>
        <source>Order {number}: ePages shipped units that are not open in Afosto.</source>
        <translation>Bestellung {number}: ePages hat Einheiten versendet, die in Afosto nicht offen sind.</translation>
    </message>
    <message>
        <source>order {number}</source>
        <translation>Bestellung {number}</translation>
    </message>
    <message>
        <source>Afosto packed these units at the same moment ({problem}); trying again.</source>
        <translation>Afosto hat diese Einheiten im selben Moment verpackt ({problem}); neuer Versuch.</translation>
    </message>
    <message>
        <source>Order {number}: return from ePages recorded in Afosto ({accepted} accepted, {defect} defect).</source>
        <translation>Bestellung {number}: Retoure aus ePages in Afosto erfasst ({accepted} angenommen, {defect} defekt).</translation>
    </message>
    <message>
        <source>Order {number}: found the Afosto order {afosto_number} that was being created when the app stopped; it is not created twice.</source>
        <translation>Bestellung {number}: Afosto-Bestellung {afosto_number} gefunden, die gerade angelegt wurde, als die App beendet wurde; sie wird nicht doppelt angelegt.</translation>
    </message>
    <message>
        <source>Order {number}: its import was interrupted before Afosto created it; it is imported again.</source>
        <translation>Bestellung {number}: die Übernahme wurde unterbrochen, bevor Afosto sie angelegt hat; sie wird erneut übernommen.</translation>
    </message>
    <message>
        <source>This Afosto account does not take the updated_at filter (an assumption of the sync). Changes made in Afosto are found by re-reading the linked orders instead: slower, but nothing is missed.</source>
        <translation>Dieses Afosto-Konto kennt den Filter updated_at nicht (eine Annahme der Synchronisation). Änderungen in Afosto werden stattdessen durch erneutes Lesen der verknüpften Bestellungen gefunden: langsamer, aber es geht nichts verloren.</translation>
    </message>
    <message>
        <source>Order {number}: {problem}</source>
        <translation>Bestellung {number}: {problem}</translation>
    </message>
    <message>
        <source>Order {number}: {problem}; trying again in {seconds} s.</source>
        <translation>Bestellung {number}: {problem}; neuer Versuch in {seconds} s.</translation>
    </message>
    <message>
        <source>Afosto parcel {parcel} no longer exists.</source>
        <translation>Das Afosto-Paket {parcel} existiert nicht mehr.</translation>
    </message>
    <message>
        <source>parcel {parcel}</source>
        <translation>Paket {parcel}</translation>
    </message>
    <message>
        <source>ePages {what} process {process} no longer exists.</source>
        <translation>Der ePages-Vorgang {process} ({what}) existiert nicht mehr.</translation>
    </message>
    <message>
        <source>shipping</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>Order {number}: shipped in ePages ({units} units, tracking {code}).</source>
        <translation>Bestellung {number}: in ePages versendet ({units} Einheiten, Sendungsnummer {code}).</translation>
    </message>
    <message>
        <source>The other units of this parcel were shipped in ePages already.</source>
        <translation>Die übrigen Einheiten dieses Pakets waren in ePages bereits versandt.</translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation>Zugestellt.</translation>
    </message>
    <message>
        <source>The shipment of this parcel is not known in ePages yet.</source>
        <translation>Der Versand dieses Pakets ist in ePages noch nicht bekannt.</translation>
    </message>
    <message>
        <source>Order {number}: marked delivered in ePages.</source>
        <translation>Bestellung {number}: in ePages als zugestellt markiert.</translation>
    </message>
    <message>
        <source>pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Order {number}: ready for pickup in ePages.</source>
        <translation>Bestellung {number}: in ePages abholbereit.</translation>
    </message>
    <message>
        <source>Picked up.</source>
        <translation>Abgeholt.</translation>
    </message>
    <message>
        <source>The pickup of this parcel is not known in ePages yet.</source>
        <translation>Die Abholung dieses Pakets ist in ePages noch nicht bekannt.</translation>
    </message>
    <message>
        <source>Order {number}: marked picked up in ePages.</source>
        <translation>Bestellung {number}: in ePages als abgeholt markiert.</translation>
    </message>
    <message>
        <source>Order {number}: cancelled in ePages (all units cancelled in Afosto).</source>
        <translation>Bestellung {number}: in ePages storniert (alle Einheiten in Afosto storniert).</translation>
    </message>
    <message>
        <source>Order {number}: cancellation was already in ePages.</source>
        <translation>Bestellung {number}: die Stornierung war in ePages schon vorhanden.</translation>
    </message>
    <message>
        <source>Order {number}: return recorded in ePages ({good} returned, {bad} defect).</source>
        <translation>Bestellung {number}: Retoure in ePages erfasst ({good} zurückgegeben, {bad} defekt).</translation>
    </message>
    <message>
        <source>Order {number}: return was already in ePages.</source>
        <translation>Bestellung {number}: die Retoure war in ePages schon vorhanden.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Stornierungen</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Stock levels</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>The sync</source>
        <translation>Der Abgleich</translation>
    </message>
    <message>
        <source>{title}: {message} {action}</source>
        <translation>{title}: {message} {action}</translation>
    </message>
    <message>
        <source>switched off in the settings</source>
        <translation>in den Einstellungen ausgeschaltet</translation>
    </message>
    <message>
        <source>{n} item(s) need a person: see the log&apos;s &apos;needs attention&apos; rows.</source>
        <translation>Vorgänge, die auf Klärung warten: {n}. Siehe die Zeilen „Klärung nötig“ im Protokoll.</translation>
    </message>
    <message>
        <source>The sync is stopped.</source>
        <translation>Der Abgleich ist gestoppt.</translation>
    </message>
    <message>
        <source>Connecting to ePages and Afosto...</source>
        <translation>Verbindung zu ePages und Afosto wird hergestellt…</translation>
    </message>
    <message>
        <source>The sync is running.</source>
        <translation>Der Abgleich läuft.</translation>
    </message>
    <message>
        <source>The sync is paused.</source>
        <translation>Der Abgleich ist pausiert.</translation>
    </message>
    <message>
        <source>Something needs a person.</source>
        <translation>Etwas wartet auf Klärung.</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Afosto has no sales channel {channel}.</source>
        <translation>Afosto hat keinen Vertriebskanal {channel}.</translation>
    </message>
    <message>
        <source>Sales channel not found</source>
        <translation>Vertriebskanal nicht gefunden</translation>
    </message>
    <message>
        <source>Order {number} has no {address}. Add it in the ePages cockpit, then {retry}.</source>
        <translation>Bestellung {number} hat keine {address}. Tragen Sie sie im ePages-Cockpit ein und {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: the {address} has no {missing}. Complete the address in the ePages cockpit, then {retry}.</source>
        <translation>Bestellung {number}: in der {address} fehlt: {missing}. Vervollständigen Sie die Adresse im ePages-Cockpit und {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: SKU {skus} is unknown in Afosto. Create the product in Afosto with exactly this SKU (or correct the SKU in ePages), then {retry}.</source>
        <translation>Bestellung {number}: SKU {skus} ist in Afosto unbekannt. Legen Sie das Produkt in Afosto mit genau dieser SKU an (oder korrigieren Sie die SKU in ePages) und {retry}.</translation>
    </message>
    <message>
        <source>Order {number} is a pickup at ePages location {location}, which is not mapped to an Afosto location. Map it in Settings &gt; Locations, then {retry}.</source>
        <translation>Bestellung {number} ist eine Abholung am ePages-Standort {location}, der keinem Afosto-Standort zugeordnet ist. Ordnen Sie ihn unter Einstellungen &gt; Standorte zu und {retry}.</translation>
    </message>
    <message>
        <source>Order {number} has no customer e-mail address. Add it in the ePages cockpit, then {retry}.</source>
        <translation>Bestellung {number} hat keine E-Mail-Adresse des Kunden. Tragen Sie sie im ePages-Cockpit ein und {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: 1 unit cancelled in Afosto ({skus}), as in ePages.</source>
        <translation>Bestellung {number}: 1 Einheit in Afosto storniert ({skus}), wie in ePages.</translation>
    </message>
    <message>
        <source>Order {number}: {units} units cancelled in Afosto ({skus}), as in ePages.</source>
        <translation>Bestellung {number}: {units} Einheiten in Afosto storniert ({skus}), wie in ePages.</translation>
    </message>
    <message>
        <source>Try the preview again in a moment.</source>
        <translation>Versuchen Sie die Vorschau gleich noch einmal.</translation>
    </message>
    <message>
        <source>Order {number}: 1 unit cancelled in ePages, as in Afosto.</source>
        <translation>Bestellung {number}: 1 Einheit in ePages storniert, wie in Afosto.</translation>
    </message>
    <message>
        <source>Order {number}: {units} units cancelled in ePages, as in Afosto.</source>
        <translation>Bestellung {number}: {units} Einheiten in ePages storniert, wie in Afosto.</translation>
    </message>
    <message>
        <source>Choose the sales channel again in Settings &gt; Afosto.</source>
        <translation>Wählen Sie den Vertriebskanal unter Einstellungen &gt; Afosto erneut.</translation>
    </message>
    <message>
        <source>permission missing in ePages: {scopes}</source>
        <translation>Berechtigung fehlt in ePages: {scopes}</translation>
    </message>
    <message>
        <source>{flow}: not synced, {reason}. Tick it in the ePages cockpit (Apps &gt; Eigene Apps), save, then reconnect.</source>
        <translation>{flow}: nicht abgeglichen, {reason}. Setzen Sie den Haken im ePages-Cockpit (Apps &gt; Eigene Apps), klicken Sie auf Speichern und verbinden Sie dann erneut.</translation>
    </message>
    <message>
        <source>Could not connect: {problem}</source>
        <translation>Keine Verbindung möglich: {problem}</translation>
    </message>
    <message>
        <source>Sync started: {flows}.</source>
        <translation>Abgleich gestartet: {flows}.</translation>
    </message>
    <message>
        <source>no flow can run</source>
        <translation>kein Ablauf kann laufen</translation>
    </message>
    <message>
        <source>Sync stopped.</source>
        <translation>Abgleich gestoppt.</translation>
    </message>
    <message>
        <source>Sync paused until {time}.</source>
        <translation>Abgleich pausiert bis {time}.</translation>
    </message>
    <message>
        <source>Sync paused until resumed.</source>
        <translation>Abgleich pausiert bis zum Fortsetzen.</translation>
    </message>
    <message>
        <source>Sync resumed.</source>
        <translation>Abgleich fortgesetzt.</translation>
    </message>
    <message>
        <source>{problem} Next try in {seconds} s.</source>
        <translation>{problem} Nächster Versuch in {seconds} s.</translation>
    </message>
    <message>
        <source>{about}: {problem}</source>
        <translation>{about}: {problem}</translation>
    </message>
    <message>
        <source>a background task ({name}) stopped: {error}. Restart the sync.</source>
        <translation>eine Hintergrundaufgabe ({name}) wurde beendet: {error}. Starten Sie den Abgleich neu.</translation>
    </message>
    <message>
        <source>Internal error in {name}: {error}. The sync of this part stopped; restart the app and send the log to support.</source>
        <translation>Interner Fehler in {name}: {error}. Der Abgleich dieses Teils wurde beendet; starten Sie die App neu und senden Sie das Protokoll an den Support.</translation>
    </message>
    <message>
        <source>Retry asked for: {reference}.</source>
        <translation>Erneuter Versuch angefordert: {reference}.</translation>
    </message>
    <message>
        <source>Dismissed parked item {id}.</source>
        <translation>Wartenden Vorgang {id} verworfen.</translation>
    </message>
    <message>
        <source>Dismissed {n} parked items.</source>
        <translation>{n} wartende Vorgänge verworfen.</translation>
    </message>
    <message>
        <source>{shown} and {more} more</source>
        <translation>{shown} und {more} weitere</translation>
    </message>
    <message>
        <source>unknown in Afosto: {skus}</source>
        <translation>in Afosto unbekannt: {skus}</translation>
    </message>
    <message>
        <source>used by more than one ePages product: {skus}</source>
        <translation>von mehreren ePages-Produkten verwendet: {skus}</translation>
    </message>
    <message>
        <source>stock management off in ePages: {skus}</source>
        <translation>Bestandsführung in ePages ausgeschaltet: {skus}</translation>
    </message>
    <message>
        <source>Stock is not synced for these SKUs ({reasons}). Correct them if they should be synced.</source>
        <translation>Der Bestand dieser SKUs wird nicht abgeglichen ({reasons}). Korrigieren Sie sie, wenn sie abgeglichen werden sollen.</translation>
    </message>
    <message>
        <source>ePages orders</source>
        <translation>ePages-Bestellungen</translation>
    </message>
    <message>
        <source>{products} and {more} more</source>
        <translation>{products} und {more} weitere</translation>
    </message>
    <message>
        <source>Stock of {sku} could not be set in ePages: {problem}</source>
        <translation>Bestand von {sku} konnte in ePages nicht gesetzt werden: {problem}</translation>
    </message>
    <message>
        <source>Stock of {sku} set to {target} in ePages (was {figure}).</source>
        <translation>Bestand von {sku} in ePages auf {target} gesetzt (vorher {figure}).</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, send the log to support.</source>
        <translation>Versuchen Sie es erneut. Wenn es immer wieder passiert, senden Sie das Protokoll an den Support.</translation>
    </message>
    <message>
        <source>{title} ({concerns}): {message}</source>
        <translation>{title} ({concerns}): {message}</translation>
    </message>
    <message>
        <source>{title}: {message}</source>
        <translation>{title}: {message}</translation>
    </message>
    <message>
        <source>{title} ({concerns})</source>
        <translation>{title} ({concerns})</translation>
    </message>
    <message>
        <source>{title}</source>
        <translation>{title}</translation>
    </message>
    <message>
        <source>{problem} {action}</source>
        <translation>{problem} {action}</translation>
    </message>
    <message>
        <source>{problem}. {action}</source>
        <translation>{problem}. {action}</translation>
    </message>
    <message>
        <source>Invalid setting</source>
        <translation>Ungültige Einstellung</translation>
    </message>
    <message>
        <source>Correct the value and save again.</source>
        <translation>Korrigieren Sie den Wert und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>No secure password store</source>
        <translation>Kein sicherer Passwortspeicher</translation>
    </message>
    <message>
        <source>This computer has no secure password store (keyring). Install or unlock one (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet), then start again. Secrets are never written to a plain file.</source>
        <translation>Dieser Computer hat keinen sicheren Passwortspeicher (Keyring). Richten Sie einen ein oder entsperren Sie ihn (Windows-Anmeldeinformationsverwaltung, macOS-Schlüsselbund, GNOME Keyring oder KWallet) und starten Sie dann neu. Geheimnisse werden nie in eine einfache Datei geschrieben.</translation>
    </message>
    <message>
        <source>Already running</source>
        <translation>Läuft bereits</translation>
    </message>
    <message>
        <source>Another copy of epages-sync is already using this data folder. Use that window, or close it first.</source>
        <translation>Eine andere Kopie von epages-sync verwendet diesen Datenordner bereits. Verwenden Sie deren Fenster oder schließen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Credentials refused</source>
        <translation>Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <source>Check the client id and secret (or API key) and enter them again.</source>
        <translation>Prüfen Sie Client-ID und Secret (oder den API-Schlüssel) und geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <source>App revoked</source>
        <translation>App gesperrt</translation>
    </message>
    <message>
        <source>The app was removed or revoked in the ePages cockpit. Create it again and enter the new credentials.</source>
        <translation>Die App wurde im ePages-Cockpit entfernt oder gesperrt. Legen Sie sie neu an und geben Sie die neuen Zugangsdaten ein.</translation>
    </message>
    <message>
        <source>Store not found</source>
        <translation>Shop nicht gefunden</translation>
    </message>
    <message>
        <source>Check the store name: it is the part before .beyondshop.cloud in your cockpit address.</source>
        <translation>Prüfen Sie den Shopnamen: er ist der Teil vor .beyondshop.cloud in der Adresse Ihres Cockpits.</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>Stock push held: {count} products would lose more than {share} % of their stock at once ({shown}). Check the Afosto locations that feed the shop; if the figures are right, {retry} to send them.</source>
        <translation>Bestandsmeldung angehalten: {count} Produkte würden auf einmal mehr als {share} % ihres Bestands verlieren ({shown}). Prüfen Sie die Afosto-Standorte, die den Bestand für den Shop liefern; wenn die Zahlen stimmen, {retry}, um sie zu senden.</translation>
    </message>
    <message>
        <source>Check the internet connection of this computer. The sync retries on its own.</source>
        <translation>Prüfen Sie die Internetverbindung dieses Computers. Der Abgleich versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>Certificate problem</source>
        <translation>Zertifikatsproblem</translation>
    </message>
    <message>
        <source>The secure connection could not be verified. Check the computer&apos;s date and time, and any proxy or antivirus that inspects HTTPS traffic.</source>
        <translation>Die sichere Verbindung konnte nicht überprüft werden. Prüfen Sie Datum und Uhrzeit des Computers sowie Proxys oder Virenscanner, die HTTPS-Verbindungen untersuchen.</translation>
    </message>
    <message>
        <source>Permission missing</source>
        <translation>Berechtigung fehlt</translation>
    </message>
    <message>
        <source>Tick the named permission in the ePages cockpit (Apps &gt; Eigene Apps &gt; your app), save, then reconnect.</source>
        <translation>Setzen Sie im ePages-Cockpit (Apps &gt; Eigene Apps &gt; Ihre App) den Haken bei der genannten Berechtigung, klicken Sie auf Speichern und verbinden Sie dann erneut.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>The item no longer exists on the other side. Check it there, then retry or dismiss.</source>
        <translation>Dies existiert auf der anderen Seite nicht mehr. Prüfen Sie es dort und wählen Sie dann „Erneut versuchen“ oder „Verwerfen“.</translation>
    </message>
    <message>
        <source>Rejected as invalid</source>
        <translation>Als ungültig abgelehnt</translation>
    </message>
    <message>
        <source>Correct the named field at the source, then retry.</source>
        <translation>Korrigieren Sie das genannte Feld an der Quelle und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Zu viele Anfragen</translation>
    </message>
    <message>
        <source>The service asked us to slow down. The sync waits and continues on its own.</source>
        <translation>Der Dienst hat gebeten, weniger Anfragen zu senden. Der Abgleich wartet und macht von selbst weiter.</translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation>Dienst nicht verfügbar</translation>
    </message>
    <message>
        <source>The service does not answer properly right now. The sync retries on its own later.</source>
        <translation>Der Dienst antwortet gerade nicht richtig. Der Abgleich versucht es später von selbst erneut.</translation>
    </message>
    <message>
        <source>Changed at the same time</source>
        <translation>Gleichzeitig geändert</translation>
    </message>
    <message>
        <source>The item was changed elsewhere at the same moment. The sync reads it again and retries.</source>
        <translation>Dies wurde im selben Moment anderswo geändert. Der Abgleich liest es erneut und versucht es noch einmal.</translation>
    </message>
    <message>
        <source>Refused by the shop</source>
        <translation>Vom Shop abgelehnt</translation>
    </message>
    <message>
        <source>Look at the order in both systems; retry after correcting it, or dismiss.</source>
        <translation>Sehen Sie sich die Bestellung in beiden Systemen an; wählen Sie nach der Korrektur „Erneut versuchen“ oder sonst „Verwerfen“.</translation>
    </message>
    <message>
        <source>No secure password store was found on this computer (keyring backend: {backend}). The secrets were not saved.</source>
        <translation>Auf diesem Computer wurde kein sicherer Passwortspeicher gefunden (Keyring-Backend: {backend}). Die Geheimnisse wurden nicht gespeichert.</translation>
    </message>
</context>
</TS>
