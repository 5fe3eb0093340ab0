<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AfostoPage</name>
    <message>
        <source>Afosto</source>
        <translation>Afosto</translation>
    </message>
    <message>
        <source>Enter the API key made for this connection, press Check, then choose the sales channel the webshop&apos;s orders belong to.</source>
        <translation>Vul de API-sleutel in die voor deze koppeling is gemaakt, klik op Controleren en kies dan het verkoopkanaal waar de bestellingen van de webshop bij horen.</translation>
    </message>
    <message>
        <source>API key from Afosto&apos;s settings (API)</source>
        <translation>API-sleutel uit de instellingen van Afosto (API)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;sleutel:</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Controleren</translation>
    </message>
    <message>
        <source>Sales &amp;channel:</source>
        <translation>&amp;Verkoopkanaal:</translation>
    </message>
    <message>
        <source>Orders from the webshop are created in this Afosto sales channel.</source>
        <translation>Bestellingen uit de webshop worden in dit verkoopkanaal van Afosto aangemaakt.</translation>
    </message>
    <message>
        <source>Checking the key and the operations the sync uses…</source>
        <translation>De sleutel en de functies die de synchronisatie gebruikt worden gecontroleerd…</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>De sleutel werkt.</translation>
    </message>
    <message>
        <source>Every operation the sync uses fits this Afosto account.</source>
        <translation>Alle functies die de synchronisatie gebruikt passen bij dit Afosto-account.</translation>
    </message>
    <message>
        <source>These stay off until Afosto&apos;s support has looked at it: {flows}.</source>
        <translation>Deze blijven uit totdat de support van Afosto ernaar heeft gekeken: {flows}.</translation>
    </message>
    <message>
        <source>Locations in Afosto: {names}.</source>
        <translation>Locaties in Afosto: {names}.</translation>
    </message>
    <message>
        <source>— choose a sales channel —</source>
        <translation>— kies een verkoopkanaal —</translation>
    </message>
    <message>
        <source>No sales channel</source>
        <translation>Geen verkoopkanaal</translation>
    </message>
    <message>
        <source>This Afosto account has no sales channel. Create one in Afosto for the webshop&apos;s orders, then press Check again.</source>
        <translation>Dit Afosto-account heeft geen verkoopkanaal. Maak er in Afosto een aan voor de bestellingen van de webshop en klik dan opnieuw op Controleren.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare both systems</source>
        <translation>Beide systemen vergelijken</translation>
    </message>
    <message>
        <source>ePages and Afosto side by side, read from both systems themselves (not from this app&apos;s records): orders missing in Afosto or there more than once, unit counts that differ, and stock figures that differ from the stock rule. The sync compares by itself once a day.</source>
        <translation>ePages en Afosto naast elkaar, rechtstreeks uit beide systemen gelezen (niet uit de gegevens van deze app): bestellingen die in Afosto ontbreken of er meer dan eens in staan, aantallen die verschillen en voorraden die niet kloppen met de voorraadregel. De synchronisatie vergelijkt zelf één keer per dag.</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Order or SKU</source>
        <translation>Bestelling of SKU</translation>
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
        <translation>Wat verschilt en wat je kunt doen</translation>
    </message>
    <message>
        <source>Compare &amp;now</source>
        <translation>&amp;Nu vergelijken</translation>
    </message>
    <message>
        <source>Read both systems now and list every difference.</source>
        <translation>Lees beide systemen nu en toon elk verschil.</translation>
    </message>
    <message>
        <source>Not compared yet: press Compare now.</source>
        <translation>Nog niet vergeleken: klik op ‘Nu vergelijken’.</translation>
    </message>
    <message>
        <source>Compared {when}: no differences.</source>
        <translation>Vergeleken op {when}: geen verschillen.</translation>
    </message>
    <message>
        <source>Compared {when}: 1 difference.</source>
        <translation>Vergeleken op {when}: 1 verschil.</translation>
    </message>
    <message>
        <source>Compared {when}: {n} differences.</source>
        <translation>Vergeleken op {when}: {n} verschillen.</translation>
    </message>
    <message>
        <source>Units {counted}</source>
        <translation>Eenheden {counted}</translation>
    </message>
    <message>
        <source>Missing in Afosto</source>
        <translation>Ontbreekt in Afosto</translation>
    </message>
    <message>
        <source>In Afosto more than once</source>
        <translation>Meer dan eens in Afosto</translation>
    </message>
    <message>
        <source>Not in the shop</source>
        <translation>Niet in de webshop</translation>
    </message>
    <message>
        <source>Stock figure</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>The sync is not running here: start it (or its service) to compare both systems.</source>
        <translation>De synchronisatie draait hier niet: start hem (of zijn service) om beide systemen te vergelijken.</translation>
    </message>
    <message>
        <source>Reading ePages and Afosto…</source>
        <translation>ePages en Afosto worden gelezen…</translation>
    </message>
    <message>
        <source>The comparison did not finish: {problem}</source>
        <translation>De vergelijking is niet afgerond: {problem}</translation>
    </message>
</context>
<context>
    <name>DayChart</name>
    <message>
        <source>The last 24 hours</source>
        <translation>De laatste 24 uur</translation>
    </message>
    <message>
        <source>Orders imported</source>
        <translation>Bestellingen overgenomen</translation>
    </message>
    <message>
        <source>Updates to ePages</source>
        <translation>Updates naar ePages</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Last 24 hours: {imported} orders imported, {sent} updates to ePages, {problems} problems</source>
        <translation>Laatste 24 uur: {imported} bestellingen overgenomen, {sent} updates naar ePages, {problems} problemen</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Laatste 24 uur</translation>
    </message>
    <message>
        <source>{start}–{end}: {imported} orders imported, {sent} updates to ePages, {problems} problems</source>
        <translation>{start}–{end}: {imported} bestellingen overgenomen, {sent} updates naar ePages, {problems} problemen</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Store {store}: {title}</source>
        <translation>Webshop {store}: {title}</translation>
    </message>
    <message>
        <source>{problem}

epages-sync can move the damaged file aside (it is kept, renamed with today&apos;s date) and start a fresh database. Your settings and saved passwords are kept; the sync then finds again what both systems already have. Nothing was changed yet.</source>
        <translation>{problem}

epages-sync kan het beschadigde bestand opzijzetten (het blijft bewaard, hernoemd met de datum van vandaag) en met een nieuwe database beginnen. Je instellingen en bewaarde wachtwoorden blijven behouden; de synchronisatie vindt daarna terug wat beide systemen al hebben. Er is nog niets veranderd.</translation>
    </message>
    <message>
        <source>Move aside and start fresh</source>
        <translation>Opzijzetten en opnieuw beginnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Leave this store stopped</source>
        <translation>Deze webshop gestopt laten</translation>
    </message>
    <message>
        <source>No store can be opened</source>
        <translation>Geen webshop kan worden geopend</translation>
    </message>
    <message>
        <source>None of the stores of this installation could be opened:
{stores}</source>
        <translation>Geen van de webshops van deze installatie kon worden geopend:
{stores}</translation>
    </message>
    <message>
        <source>The setup of this store was not finished. Choose it, then open Settings.</source>
        <translation>De instelling van deze webshop is niet afgerond. Kies hem en open dan Instellingen.</translation>
    </message>
    <message>
        <source>Watching the sync that runs as a service on this computer. The log, the order timelines and the export work as usual; pausing, Sync now, Retry, Dismiss and settings belong to the service.</source>
        <translation>Je kijkt mee met de synchronisatie die op deze computer als service draait. Het logboek, de tijdlijnen van bestellingen en de export werken zoals altijd; pauzeren, Nu syncen, Opnieuw, Negeren en de instellingen horen bij de service.</translation>
    </message>
    <message>
        <source>The sync runs as a service on this computer, so this belongs to the service. To change it, stop the service (Linux: systemctl --user stop epages-sync; Windows: nssm stop epages-sync, or End in Task Scheduler), then open epages-sync again: the window then runs the sync itself.</source>
        <translation>De synchronisatie draait op deze computer als service, dus dit hoort bij de service. Om het te wijzigen stop je de service (Linux: systemctl --user stop epages-sync; Windows: nssm stop epages-sync, of ‘Beëindigen’ in Taakplanner) en open je epages-sync opnieuw: het venster voert de synchronisatie dan zelf uit.</translation>
    </message>
    <message>
        <source>This computer has no secure password store, so the client secret and the API key cannot be kept. Install or unlock one, then open Settings.</source>
        <translation>Deze computer heeft geen veilige wachtwoordopslag, dus het client secret en de API-sleutel kunnen niet bewaard worden. Installeer of ontgrendel er een en open dan Instellingen.</translation>
    </message>
    <message>
        <source>The ePages client secret or the Afosto API key is not saved on this computer. Enter them again under Settings.</source>
        <translation>Het client secret van ePages of de API-sleutel van Afosto is niet opgeslagen op deze computer. Vul ze opnieuw in onder Instellingen.</translation>
    </message>
    <message>
        <source>DEMO — a simulated shop and warehouse running inside this app. Nothing reaches a real shop, and the demo starts over each time it is opened.</source>
        <translation>DEMO — een gesimuleerde webshop met magazijn die in deze app draait. Niets bereikt een echte webshop, en de demo begint elke keer opnieuw.</translation>
    </message>
    <message>
        <source>Store {store} is not open</source>
        <translation>Webshop {store} is niet geopend</translation>
    </message>
    <message>
        <source>epages-sync needs you</source>
        <translation>epages-sync heeft je nodig</translation>
    </message>
    <message>
        <source>epages-sync keeps running</source>
        <translation>epages-sync blijft actief</translation>
    </message>
    <message>
        <source>The sync goes on in the background. Open the window again from the tray icon; quit from its menu.</source>
        <translation>De synchronisatie gaat op de achtergrond door. Open het venster weer via het pictogram in het systeemvak; afsluiten doe je via het menu daarvan.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>{where} failed: {error}

The sync itself goes on. The details are in the log file in {folder}.</source>
        <translation>{where} is mislukt: {error}

De synchronisatie zelf gaat door. De details staan in het logbestand in {folder}.</translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation>Er is niets verwijderd</translation>
    </message>
    <message>
        <source>Another copy of epages-sync uses this data. Quit it first (tray icon &gt; Quit, or stop the service), then start epages-sync again and remove the data.</source>
        <translation>Een ander exemplaar van epages-sync gebruikt deze gegevens. Sluit dat eerst af (pictogram in het systeemvak &gt; Afsluiten, of stop de service), start epages-sync opnieuw en verwijder dan de gegevens.</translation>
    </message>
    <message>
        <source>All data removed</source>
        <translation>Alle gegevens verwijderd</translation>
    </message>
    <message>
        <source>Everything epages-sync kept on this computer was removed. epages-sync closes now; it is still installed and can be set up again.</source>
        <translation>Alles wat epages-sync op deze computer bewaarde is verwijderd. epages-sync sluit nu af; het programma blijft geïnstalleerd en kan opnieuw worden ingesteld.</translation>
    </message>
    <message>
        <source>Not everything could be removed</source>
        <translation>Niet alles kon worden verwijderd</translation>
    </message>
    <message>
        <source>These could not be removed; delete them by hand:</source>
        <translation>Dit kon niet worden verwijderd; verwijder het met de hand:</translation>
    </message>
</context>
<context>
    <name>EpagesPage</name>
    <message>
        <source>Your ePages shop</source>
        <translation>Je ePages-webshop</translation>
    </message>
    <message>
        <source>Enter the store name and the credentials of the app you made in the cockpit, then press Connect.</source>
        <translation>Vul de naam van de webshop in en de inloggegevens van de app die je in de cockpit hebt gemaakt, en klik dan op Verbinden.</translation>
    </message>
    <message>
        <source>my-shop  or  https://my-shop.beyondshop.cloud/cockpit/login</source>
        <translation>mijn-shop  of  https://mijn-shop.beyondshop.cloud/cockpit/login</translation>
    </message>
    <message>
        <source>client_id from Client credentials</source>
        <translation>client_id uit ‘Client credentials’</translation>
    </message>
    <message>
        <source>client_secret from Client credentials</source>
        <translation>client_secret uit ‘Client credentials’</translation>
    </message>
    <message>
        <source>&amp;Store name:</source>
        <translation>Naam &amp;webshop:</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>Client-&amp;id:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client s&amp;ecret:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Log in to the shop and read which permissions the app has.</source>
        <translation>Inloggen bij de webshop en lezen welke rechten de app heeft.</translation>
    </message>
    <message>
        <source>Permission in the cockpit</source>
        <translation>Recht in de cockpit</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Wat het toestaat</translation>
    </message>
    <message>
        <source>Needed for</source>
        <translation>Nodig voor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Simulated shop: both services answer from this computer ({url}).</source>
        <translation>Gesimuleerde webshop: beide diensten antwoorden vanaf deze computer ({url}).</translation>
    </message>
    <message>
        <source>Another store</source>
        <translation>Een andere webshop</translation>
    </message>
    <message>
        <source>These settings belong to the store {fixed}. To sync the store {name} as well, use Add store… in Settings.</source>
        <translation>Deze instellingen horen bij webshop {fixed}. Wil je webshop {name} ook synchroniseren, gebruik dan ‘Webshop toevoegen…’ in Instellingen.</translation>
    </message>
    <message>
        <source>This installation has the store {name} already. To change its setup, choose it in the main window and open Settings; to add a store, enter another store name.</source>
        <translation>Deze installatie heeft de webshop {name} al. Wil je de instelling ervan wijzigen, kies hem dan in het hoofdvenster en open Instellingen; wil je een webshop toevoegen, vul dan een andere webshopnaam in.</translation>
    </message>
    <message>
        <source>The part before .beyondshop.cloud in your cockpit&apos;s address.</source>
        <translation>Het deel vóór .beyondshop.cloud in het adres van je cockpit.</translation>
    </message>
    <message>
        <source>Store: {name}  (https://{name}.beyondshop.cloud)</source>
        <translation>Webshop: {name}  (https://{name}.beyondshop.cloud)</translation>
    </message>
    <message>
        <source>Connecting to the shop…</source>
        <translation>Verbinden met de webshop…</translation>
    </message>
    <message>
        <source>This store is set up already</source>
        <translation>Deze webshop is al ingesteld</translation>
    </message>
    <message>
        <source>Permissions missing. In the ePages cockpit open Apps &gt; Eigene Apps &gt; your app, tick {labels}, click Speichern, then press Connect again.</source>
        <translation>Er ontbreken rechten. Open in de ePages-cockpit Apps &gt; Eigene Apps &gt; je app, vink {labels} aan, klik op Speichern en klik dan hier opnieuw op Verbinden.</translation>
    </message>
    <message>
        <source>Single flows also need {labels} (marked below).</source>
        <translation>Sommige onderdelen hebben ook {labels} nodig (hieronder gemarkeerd).</translation>
    </message>
    <message>
        <source>Connected. The {n} permissions every flow needs are there (the first rows of the table).</source>
        <translation>Verbonden. De {n} rechten die alle onderdelen nodig hebben zijn er (de eerste regels van de tabel).</translation>
    </message>
    <message>
        <source>{flow} stays off without {labels}</source>
        <translation>{flow} blijft uit zonder {labels}</translation>
    </message>
    <message>
        <source>Some flows need more: {parts}. You can go on and tick them later.</source>
        <translation>Sommige onderdelen hebben meer nodig: {parts}. Je kunt doorgaan en ze later aanvinken.</translation>
    </message>
    <message>
        <source>Connected. The app has all {n} permissions in the table below.</source>
        <translation>Verbonden. De app heeft alle {n} rechten uit de tabel hieronder.</translation>
    </message>
    <message>
        <source>every flow</source>
        <translation>alle onderdelen</translation>
    </message>
    <message>
        <source>✓ granted</source>
        <translation>✓ verleend</translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation>✗ ontbreekt</translation>
    </message>
</context>
<context>
    <name>ExchangeTree</name>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Verzoek</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>When it was put aside</source>
        <translation>Toen het opzij werd gezet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>geen antwoord</translation>
    </message>
    <message>
        <source>{n} fields</source>
        <translation>{n} velden</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 veld</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 item</translation>
    </message>
    <message>
        <source>{n} lines</source>
        <translation>{n} regels</translation>
    </message>
</context>
<context>
    <name>FlowsPage</name>
    <message>
        <source>What to sync</source>
        <translation>Wat wordt gesynchroniseerd</translation>
    </message>
    <message>
        <source>Choose what is kept in step, and from which day on orders are taken over.</source>
        <translation>Kies wat gelijk wordt gehouden en vanaf welke dag bestellingen worden overgenomen.</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Take over orders &amp;from:</source>
        <translation>Bestellingen overnemen &amp;vanaf:</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> seconden</translation>
    </message>
    <message>
        <source>Check for new &amp;orders every:</source>
        <translation>Controleren op nieuwe &amp;bestellingen elke:</translation>
    </message>
    <message>
        <source>Off: {reason}</source>
        <translation>Uit: {reason}</translation>
    </message>
    <message>
        <source>the ePages app lacks the permission {labels}. Tick it in the cockpit (Apps &gt; Eigene Apps &gt; your app) and connect again.</source>
        <translation>de ePages-app mist het recht {labels}. Vink het aan in de cockpit (Apps &gt; Eigene Apps &gt; je app) en verbind opnieuw.</translation>
    </message>
    <message>
        <source>the Afosto operations {ops} do not fit this account.</source>
        <translation>de Afosto-functies {ops} passen niet bij dit account.</translation>
    </message>
    <message>
        <source>no Afosto location is ticked to feed the webshop&apos;s stock (page Locations).</source>
        <translation>er is geen Afosto-locatie aangevinkt voor de voorraad van de webshop (pagina Locaties).</translation>
    </message>
    <message>
        <source>(5 minutes is usual; warehouse changes reach the webshop within seconds either way)</source>
        <translation>(5 minuten is gebruikelijk; wijzigingen in het magazijn bereiken de webshop hoe dan ook binnen enkele seconden)</translation>
    </message>
    <message>
        <source>Counting orders…</source>
        <translation>Bestellingen worden geteld…</translation>
    </message>
    <message>
        <source>The orders could not be counted ({error}).</source>
        <translation>De bestellingen konden niet worden geteld ({error}).</translation>
    </message>
    <message>
        <source>No order was created since {day}; only new orders will be taken over.</source>
        <translation>Sinds {day} is er geen bestelling geplaatst; alleen nieuwe bestellingen worden overgenomen.</translation>
    </message>
    <message>
        <source>1 order created since {day} will be taken over at the first check.</source>
        <translation>1 bestelling sinds {day} wordt bij de eerste controle overgenomen.</translation>
    </message>
    <message>
        <source>{n} orders created since {day} will be taken over at the first check.</source>
        <translation>{n} bestellingen sinds {day} worden bij de eerste controle overgenomen.</translation>
    </message>
</context>
<context>
    <name>HealthBar</name>
    <message>
        <source>Last order check</source>
        <translation>Laatste controle bestellingen</translation>
    </message>
    <message>
        <source>Next order check</source>
        <translation>Volgende controle bestellingen</translation>
    </message>
    <message>
        <source>Last update to ePages</source>
        <translation>Laatste update naar ePages</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Nog te versturen</translation>
    </message>
    <message>
        <source>Need a person</source>
        <translation>Actie nodig</translation>
    </message>
    <message>
        <source>Orders linked</source>
        <translation>Gekoppelde bestellingen</translation>
    </message>
    <message>
        <source>Runs as a service</source>
        <translation>Draait als service</translation>
    </message>
    <message>
        <source>The service has stopped</source>
        <translation>De service is gestopt</translation>
    </message>
    <message>
        <source>Paused until {time}</source>
        <translation>Gepauzeerd tot {time}</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Aandacht nodig</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wordt gestopt…</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Niet actief</translation>
    </message>
    <message>
        <source>Orders and warehouse changes are kept in step. Nothing needs you.</source>
        <translation>Bestellingen en wijzigingen in het magazijn worden gelijk gehouden. Er is niets voor je te doen.</translation>
    </message>
    <message>
        <source>Nothing is fetched or sent until the sync resumes. Sync now resumes it.</source>
        <translation>Tot de synchronisatie hervat wordt, wordt niets opgehaald of verstuurd. ‘Nu syncen’ hervat haar.</translation>
    </message>
    <message>
        <source>1 item waits for a person: choose the red row in the log below, then Retry or Dismiss.</source>
        <translation>1 item wacht op actie: kies hieronder in het logboek de rode regel en dan ‘Opnieuw proberen’ of ‘Negeren’.</translation>
    </message>
    <message>
        <source>{n} items wait for a person: choose a red row in the log below, then Retry or Dismiss.</source>
        <translation>{n} items wachten op actie: kies hieronder in het logboek een rode regel en dan ‘Opnieuw proberen’ of ‘Negeren’.</translation>
    </message>
    <message>
        <source>checking now</source>
        <translation>bezig</translation>
    </message>
    <message>
        <source>after resuming</source>
        <translation>na hervatten</translation>
    </message>
    <message>
        <source>after this one</source>
        <translation>na deze</translation>
    </message>
    <message>
        <source>What needs you:</source>
        <translation>Wat op je wacht:</translation>
    </message>
    <message>
        <source>Importing orders since {date}</source>
        <translation>Bestellingen sinds {date} worden overgenomen</translation>
    </message>
    <message>
        <source>Reading order changes since {time}</source>
        <translation>Wijzigingen in bestellingen sinds {time} worden gelezen</translation>
    </message>
    <message>
        <source>{what}: {done} so far</source>
        <translation>{what}: tot nu toe {done}</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}: {done} van {total}</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>nog minder dan een minuut</translation>
    </message>
    <message>
        <source>about 1 min left</source>
        <translation>nog ongeveer 1 min</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>nog ongeveer {n} min</translation>
    </message>
    <message>
        <source>off</source>
        <translation>uit</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>As this computer ({language})</source>
        <translation>Zoals deze computer ({language})</translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <source>Locations</source>
        <translation>Locaties</translation>
    </message>
    <message>
        <source>Match each location of your webshop with its Afosto location, and choose where the webshop&apos;s stock comes from.</source>
        <translation>Koppel elke locatie van je webshop aan de bijbehorende Afosto-locatie en kies waar de voorraad van de webshop vandaan komt.</translation>
    </message>
    <message>
        <source>ePages location → Afosto location</source>
        <translation>ePages-locatie → Afosto-locatie</translation>
    </message>
    <message>
        <source>Pickup orders are handed to the Afosto location chosen here. A location without a match cannot take pickup orders; the setup cannot finish while such orders wait.</source>
        <translation>Afhaalbestellingen gaan naar de Afosto-locatie die je hier kiest. Een locatie zonder koppeling kan geen afhaalbestellingen aannemen; zolang zulke bestellingen wachten, kan de installatie niet worden afgerond.</translation>
    </message>
    <message>
        <source>Stock for the webshop</source>
        <translation>Voorraad voor de webshop</translation>
    </message>
    <message>
        <source>The webshop shows the sum of the available stock of the ticked locations. Tick only the locations that ship online orders.</source>
        <translation>De webshop toont de som van de beschikbare voorraad van de aangevinkte locaties. Vink alleen de locaties aan die online bestellingen verzenden.</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>magazijn</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>winkel</translation>
    </message>
    <message>
        <source>The app may not read your shop&apos;s locations: tick &apos;Standorte lesen&apos; (loca:r) and &apos;Versandzonen lesen&apos; (shpz:r) in the cockpit and connect again. Until then pickup orders cannot be imported, so Orders stays off.</source>
        <translation>De app mag de locaties van je webshop niet lezen: vink in de cockpit &apos;Standorte lesen&apos; (loca:r) en &apos;Versandzonen lesen&apos; (shpz:r) aan en verbind opnieuw. Tot die tijd kunnen afhaalbestellingen niet worden overgenomen, dus Bestellingen blijft uit.</translation>
    </message>
    <message>
        <source>Your webshop has no locations (stores or pickup points): nothing to match here.</source>
        <translation>Je webshop heeft geen locaties (winkels of afhaalpunten): hier valt niets te koppelen.</translation>
    </message>
    <message>
        <source>Pickup: {names}</source>
        <translation>Afhalen: {names}</translation>
    </message>
    <message>
        <source>No pickup option</source>
        <translation>Geen afhaaloptie</translation>
    </message>
    <message>
        <source>— not matched —</source>
        <translation>— niet gekoppeld —</translation>
    </message>
    <message>
        <source>Afosto location for {name}</source>
        <translation>Afosto-locatie voor {name}</translation>
    </message>
</context>
<context>
    <name>LogDetailPane</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>Try this again now (after you corrected the cause).</source>
        <translation>Nu opnieuw proberen (nadat je de oorzaak hebt opgelost).</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Negeren</translation>
    </message>
    <message>
        <source>Nothing more is needed: never send this, and stop asking.</source>
        <translation>Er hoeft niets meer te gebeuren: dit nooit versturen en er niet meer om vragen.</translation>
    </message>
    <message>
        <source>Choose every row waiting for the same reason, to retry or dismiss them together.</source>
        <translation>Kies alle regels die om dezelfde reden wachten, om ze samen opnieuw te proberen of te negeren.</translation>
    </message>
    <message>
        <source>Requests and answers (secrets removed)</source>
        <translation>Verzoeken en antwoorden (zonder geheimen)</translation>
    </message>
    <message>
        <source>Choose a row to see everything about it.</source>
        <translation>Kies een regel om er alles over te zien.</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Bestelling {number}</translation>
    </message>
    <message>
        <source>Afosto: {ref}</source>
        <translation>Afosto: {ref}</translation>
    </message>
    <message>
        <source>Everything about order {number}…</source>
        <translation>Alles over bestelling {number}…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>{n} rows chosen</source>
        <translation>{n} regels gekozen</translation>
    </message>
    <message>
        <source>None of them waits for a person.</source>
        <translation>Geen ervan wacht op actie.</translation>
    </message>
    <message>
        <source>1 of them waits for a person: Retry or Dismiss it.</source>
        <translation>1 ervan wacht op actie: probeer het opnieuw of negeer het.</translation>
    </message>
    <message>
        <source>{n} of them wait for a person: Retry or Dismiss them together.</source>
        <translation>{n} ervan wachten op actie: probeer ze samen opnieuw of negeer ze.</translation>
    </message>
    <message>
        <source>Choose all {n} with this cause</source>
        <translation>Alle {n} met deze oorzaak kiezen</translation>
    </message>
    <message>
        <source>No request or response was stored for this entry.</source>
        <translation>Bij deze regel is geen verzoek of antwoord opgeslagen.</translation>
    </message>
    <message>
        <source> It happened {n} times.</source>
        <translation> Het is {n} keer gebeurd.</translation>
    </message>
    <message>
        <source>Waiting for a person.</source>
        <translation>Wacht op actie.</translation>
    </message>
    <message>
        <source>Put the cause right, then Retry; or Dismiss if nothing more is needed.</source>
        <translation>Los de oorzaak op en kies dan ‘Opnieuw proberen’; of ‘Negeren’ als er niets meer hoeft te gebeuren.</translation>
    </message>
    <message>
        <source>Settled ({status}). Nothing more to do here.</source>
        <translation>Afgehandeld ({status}). Hier hoeft niets meer te gebeuren.</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>opnieuw geprobeerd</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>genegeerd</translation>
    </message>
    <message>
        <source>solved by the sync</source>
        <translation>door de synchronisatie opgelost</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>All flows</source>
        <translation>Alle onderdelen</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>Beide richtingen</translation>
    </message>
    <message>
        <source>Every outcome</source>
        <translation>Elk resultaat</translation>
    </message>
    <message>
        <source>Find an order number or Afosto reference</source>
        <translation>Zoek een bestelnummer of Afosto-referentie</translation>
    </message>
    <message>
        <source>Needs a person &amp;first</source>
        <translation>&amp;Actie nodig eerst</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV e&amp;xporteren…</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 regel</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} regels</translation>
    </message>
    <message>
        <source>Retry ({n})</source>
        <translation>Opnieuw proberen ({n})</translation>
    </message>
    <message>
        <source>Dismiss ({n})</source>
        <translation>Negeren ({n})</translation>
    </message>
    <message>
        <source>Choose all {n} with this cause</source>
        <translation>Alle {n} met deze oorzaak kiezen</translation>
    </message>
    <message>
        <source>Everything about order {number}…</source>
        <translation>Alles over bestelling {number}…</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>Niets om opnieuw te proberen</translation>
    </message>
    <message>
        <source>This item was already retried, dismissed or solved.</source>
        <translation>Dit item is al opnieuw geprobeerd, genegeerd of opgelost.</translation>
    </message>
    <message>
        <source>Nothing to dismiss</source>
        <translation>Niets om te negeren</translation>
    </message>
    <message>
        <source>These items were already retried, dismissed or solved.</source>
        <translation>Deze items zijn al opnieuw geprobeerd, genegeerd of opgelost.</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Logboek exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {error}</source>
        <translation>Het bestand {path} kon niet worden geschreven: {error}</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>ePages order</source>
        <translation>ePages-bestelling</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <source>In Afosto</source>
        <translation>In Afosto</translation>
    </message>
    <message>
        <source>Waiting for a person: select the row to retry or dismiss it.</source>
        <translation>Wacht op actie: kies de regel om het opnieuw te proberen of te negeren.</translation>
    </message>
</context>
<context>
    <name>LogWords</name>
    <message>
        <source>Orders</source>
        <translation>Bestellingen</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Annuleringen</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>New webshop orders go into Afosto, in the chosen sales channel.</source>
        <translation>Nieuwe bestellingen uit de webshop gaan naar Afosto, in het gekozen verkoopkanaal.</translation>
    </message>
    <message>
        <source>Cancelled items are cancelled on the other side too, both ways.</source>
        <translation>Geannuleerde artikelen worden ook aan de andere kant geannuleerd, in beide richtingen.</translation>
    </message>
    <message>
        <source>Parcels shipped or delivered and pickups ready or collected reach the webshop; shipments entered in ePages reach Afosto.</source>
        <translation>Verzonden of bezorgde pakketten en klaargezette of afgehaalde bestellingen bereiken de webshop; zendingen die in ePages zijn ingevoerd bereiken Afosto.</translation>
    </message>
    <message>
        <source>Returns accepted or rejected in Afosto are recorded in ePages (as return or defect), and returns entered in ePages reach Afosto.</source>
        <translation>Retouren die in Afosto zijn geaccepteerd of afgewezen worden in ePages vastgelegd (als retour of defect), en retouren die in ePages zijn ingevoerd bereiken Afosto.</translation>
    </message>
    <message>
        <source>The webshop&apos;s stock follows the available stock of the chosen Afosto locations.</source>
        <translation>De voorraad van de webshop volgt de beschikbare voorraad van de gekozen Afosto-locaties.</translation>
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
        <translation>Gedaan</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Nieuwe poging</translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>Actie nodig</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Opnieuw geprobeerd</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Genegeerd</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Opgelost</translation>
    </message>
    <message>
        <source>waiting since {time}, seen {n} times</source>
        <translation>wacht sinds {time}, {n} keer gezien</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>elke minuut</translation>
    </message>
    <message>
        <source>every {n} minutes</source>
        <translation>elke {n} minuten</translation>
    </message>
    <message>
        <source>every {n} seconds</source>
        <translation>elke {n} seconden</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} u</translation>
    </message>
    <message>
        <source>in {amount}</source>
        <translation>over {amount}</translation>
    </message>
    <message>
        <source>{amount} ago</source>
        <translation>{amount} geleden</translation>
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
        <translation>Gegevensmap: {path}</translation>
    </message>
    <message>
        <source>epages-sync — watching the service</source>
        <translation>epages-sync — service volgen</translation>
    </message>
    <message>
        <source>1 entry written to {path}</source>
        <translation>1 regel naar {path} geschreven</translation>
    </message>
    <message>
        <source>{n} entries written to {path}</source>
        <translation>{n} regels naar {path} geschreven</translation>
    </message>
    <message>
        <source>Quit epages-sync?</source>
        <translation>epages-sync afsluiten?</translation>
    </message>
    <message>
        <source>Closing this window quits epages-sync and stops the sync: no new orders reach Afosto and nothing is sent to ePages until you start it again.</source>
        <translation>Als je dit venster sluit, wordt epages-sync afgesloten en stopt de synchronisatie: tot je het weer start, komen er geen nieuwe bestellingen in Afosto en wordt er niets naar ePages gestuurd.</translation>
    </message>
    <message>
        <source>&amp;Quit and stop the sync</source>
        <translation>&amp;Afsluiten en synchronisatie stoppen</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>&amp;Laten doorlopen</translation>
    </message>
</context>
<context>
    <name>OrderTimelineDialog</name>
    <message>
        <source>Order {number}: everything that happened</source>
        <translation>Bestelling {number}: alles wat er gebeurde</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Nothing was logged for order {number}.</source>
        <translation>Voor bestelling {number} is niets gelogd.</translation>
    </message>
    <message>
        <source>One entry, from the first time the sync saw order {number} until now.</source>
        <translation>Eén regel, vanaf de eerste keer dat de synchronisatie bestelling {number} zag tot nu.</translation>
    </message>
    <message>
        <source>{n} entries, from the first time the sync saw order {number} until now.</source>
        <translation>{n} regels, vanaf de eerste keer dat de synchronisatie bestelling {number} zag tot nu.</translation>
    </message>
    <message>
        <source>One of them waits for a person.</source>
        <translation>Daarvan wacht er één op actie.</translation>
    </message>
    <message>
        <source>{n} of them wait for a person.</source>
        <translation>{n} daarvan wachten op actie.</translation>
    </message>
</context>
<context>
    <name>PreviewBox</name>
    <message>
        <source>Preview: what the first sync would do</source>
        <translation>Voorbeeld: wat de eerste synchronisatie zou doen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>Reading the shop and Afosto to show what the first sync would do… Nothing is written to either.</source>
        <translation>De shop en Afosto worden gelezen om te laten zien wat de eerste synchronisatie zou doen… Er wordt in geen van beide iets geschreven.</translation>
    </message>
    <message>
        <source>The preview could not be made</source>
        <translation>Het voorbeeld kon niet worden gemaakt</translation>
    </message>
    <message>
        <source>{title}: {text} You can also finish the setup without the preview.</source>
        <translation>{title}: {text} Je kunt de installatie ook zonder het voorbeeld afronden.</translation>
    </message>
    <message>
        <source>Nothing was written to ePages or Afosto yet. This is what the first sync would do once you press Finish:</source>
        <translation>Er is nog niets naar ePages of Afosto geschreven. Dit zou de eerste synchronisatie doen zodra je op ‘Klaar’ drukt:</translation>
    </message>
</context>
<context>
    <name>RemoveAllDialog</name>
    <message>
        <source>REMOVE</source>
        <translation>VERWIJDEREN</translation>
    </message>
    <message>
        <source>Disconnect and remove all data</source>
        <translation>Ontkoppelen en alle gegevens verwijderen</translation>
    </message>
    <message>
        <source>the client secret and the API key of the shop {store}, from this computer&apos;s password store</source>
        <translation>het client secret en de API-sleutel van de webshop {store}, uit de wachtwoordopslag van deze computer</translation>
    </message>
    <message>
        <source>the store {store}: its client secret and API key, its settings and its database with its log and links</source>
        <translation>de webshop {store}: het client secret en de API-sleutel, de instellingen en de database met logboek en koppelingen</translation>
    </message>
    <message>
        <source>the settings, and the database with the log and the links between webshop and Afosto orders, with its backups: {folder}</source>
        <translation>de instellingen, en de database met het logboek en de koppelingen tussen webshop- en Afosto-bestellingen, met de back-ups: {folder}</translation>
    </message>
    <message>
        <source>the log files: {folder}</source>
        <translation>de logbestanden: {folder}</translation>
    </message>
    <message>
        <source>the settings folder: {folder}</source>
        <translation>de map met instellingen: {folder}</translation>
    </message>
    <message>
        <source>the start at login</source>
        <translation>het automatisch starten bij het aanmelden</translation>
    </message>
    <message>
        <source>your ePages shop and Afosto, with all their orders and stock</source>
        <translation>je ePages-webshop en Afosto, met al hun bestellingen en voorraad</translation>
    </message>
    <message>
        <source>the app in the ePages cockpit (delete it under Apps &gt; Eigene Apps if nobody needs it any more)</source>
        <translation>de app in de ePages-cockpit (verwijder die onder Apps &gt; Eigene Apps als niemand hem meer nodig heeft)</translation>
    </message>
    <message>
        <source>epages-sync itself (uninstall it as any other program)</source>
        <translation>epages-sync zelf (verwijder het zoals elk ander programma)</translation>
    </message>
    <message>
        <source>This removes from this computer:</source>
        <translation>Dit wordt van deze computer verwijderd:</translation>
    </message>
    <message>
        <source>This stays:</source>
        <translation>Dit blijft:</translation>
    </message>
    <message>
        <source>The sync stops and epages-sync closes. This cannot be undone: to sync again, the setup starts from the beginning.</source>
        <translation>De synchronisatie stopt en epages-sync sluit af. Dit kan niet ongedaan worden gemaakt: om weer te synchroniseren begint de installatie opnieuw.</translation>
    </message>
    <message>
        <source>To confirm, type {word}:</source>
        <translation>Typ ter bevestiging {word}:</translation>
    </message>
    <message>
        <source>Remove all data</source>
        <translation>Alle gegevens verwijderen</translation>
    </message>
</context>
<context>
    <name>ScopeWords</name>
    <message>
        <source>read products, find them by SKU</source>
        <translation>producten lezen, vinden op artikelnummer</translation>
    </message>
    <message>
        <source>read stock</source>
        <translation>voorraad lezen</translation>
    </message>
    <message>
        <source>adjust stock</source>
        <translation>voorraad aanpassen</translation>
    </message>
    <message>
        <source>read orders</source>
        <translation>bestellingen lezen</translation>
    </message>
    <message>
        <source>update orders</source>
        <translation>bestellingen bijwerken</translation>
    </message>
    <message>
        <source>create shipping and pickup processes</source>
        <translation>verzend- en afhaalprocessen aanmaken</translation>
    </message>
    <message>
        <source>read shipping and pickup processes</source>
        <translation>verzend- en afhaalprocessen lezen</translation>
    </message>
    <message>
        <source>mark shipped, delivered, picked up</source>
        <translation>markeren als verzonden, bezorgd, afgehaald</translation>
    </message>
    <message>
        <source>read all processes of an order at once</source>
        <translation>alle processen van een bestelling in één keer lezen</translation>
    </message>
    <message>
        <source>cancel orders and order lines</source>
        <translation>bestellingen en bestelregels annuleren</translation>
    </message>
    <message>
        <source>read cancellations</source>
        <translation>annuleringen lezen</translation>
    </message>
    <message>
        <source>record returns and defects</source>
        <translation>retouren en defecten vastleggen</translation>
    </message>
    <message>
        <source>read returns</source>
        <translation>retouren lezen</translation>
    </message>
    <message>
        <source>read shop locations (stores, pickup points)</source>
        <translation>locaties van de webshop lezen (winkels, afhaalpunten)</translation>
    </message>
    <message>
        <source>read pickup options and the location each belongs to</source>
        <translation>afhaalopties lezen en de locatie waar elk bij hoort</translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <source>Show or hide what you typed</source>
        <translation>Getypte tekst tonen of verbergen</translation>
    </message>
</context>
<context>
    <name>ServiceWatch</name>
    <message>
        <source>Watching the sync that runs as a service on this computer. This window only shows what the service does; it changes nothing.</source>
        <translation>Je kijkt mee met de synchronisatie die op deze computer als service draait. Dit venster toont alleen wat de service doet; het verandert niets.</translation>
    </message>
    <message>
        <source>The service has stopped: nothing is synced now. Start the service again, or close this window and open epages-sync to run the sync in the window.</source>
        <translation>De service is gestopt: er wordt nu niets gesynchroniseerd. Start de service opnieuw, of sluit dit venster en open epages-sync om de synchronisatie in het venster uit te voeren.</translation>
    </message>
    <message>
        <source>1 item waits for a person; Retry and Dismiss are in the window that runs the sync.</source>
        <translation>1 item wacht op een mens; Opnieuw en Negeren vind je in het venster dat de synchronisatie uitvoert.</translation>
    </message>
    <message>
        <source>{n} items wait for a person; Retry and Dismiss are in the window that runs the sync.</source>
        <translation>{n} items wachten op een mens; Opnieuw en Negeren vind je in het venster dat de synchronisatie uitvoert.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>epages-sync settings</source>
        <translation>epages-sync – instellingen</translation>
    </message>
    <message>
        <source>Connection and sync</source>
        <translation>Koppeling en synchronisatie</translation>
    </message>
    <message>
        <source>&amp;Change connection, locations and flows…</source>
        <translation>&amp;Koppeling, locaties en onderdelen wijzigen…</translation>
    </message>
    <message>
        <source>Opens the setup pages, filled in with what is set up now.</source>
        <translation>Opent de installatiestappen, ingevuld met wat nu is ingesteld.</translation>
    </message>
    <message>
        <source>More stores</source>
        <translation>Meer webshops</translation>
    </message>
    <message>
        <source>A second ePages store (another country, a B2B shop) can run beside this one, with its own settings, sales channel, log and pause. Stores that draw from the same Afosto locations share their stock without selling a unit twice.</source>
        <translation>Een tweede ePages-webshop (een ander land, een B2B-shop) kan naast deze draaien, met eigen instellingen, verkoopkanaal, logboek en pauze. Webshops die uit dezelfde Afosto-locaties leveren, delen hun voorraad zonder een stuk twee keer te verkopen.</translation>
    </message>
    <message>
        <source>&amp;Add store…</source>
        <translation>Webshop &amp;toevoegen…</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Deze computer</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>A new language shows the next time epages-sync starts.</source>
        <translation>Een nieuwe taal geldt vanaf de volgende keer dat epages-sync start.</translation>
    </message>
    <message>
        <source>Start epages-sync with &amp;Windows</source>
        <translation>epages-sync met &amp;Windows starten</translation>
    </message>
    <message>
        <source>Start epages-sync when I &amp;log in</source>
        <translation>epages-sync starten bij het &amp;aanmelden</translation>
    </message>
    <message>
        <source>It starts in the tray without opening the window, so the sync runs as soon as the computer is on.</source>
        <translation>Het start in het systeemvak zonder het venster te openen, zodat de synchronisatie loopt zodra de computer aan staat.</translation>
    </message>
    <message>
        <source>Stop using epages-sync on this computer</source>
        <translation>epages-sync op deze computer niet meer gebruiken</translation>
    </message>
    <message>
        <source>Removes the saved secrets, the settings, the log and the start at login from this computer. Your shop and Afosto are not changed.</source>
        <translation>Verwijdert de opgeslagen geheimen, de instellingen, het logboek en het automatisch starten van deze computer. Je webshop en Afosto veranderen niet.</translation>
    </message>
    <message>
        <source>&amp;Disconnect and remove all data…</source>
        <translation>&amp;Ontkoppelen en alle gegevens verwijderen…</translation>
    </message>
    <message>
        <source>Shop &lt;b&gt;{store}&lt;/b&gt;, synced: {flows}.</source>
        <translation>Webshop &lt;b&gt;{store}&lt;/b&gt;, gesynchroniseerd: {flows}.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <source>Not set up yet.</source>
        <translation>Nog niet ingesteld.</translation>
    </message>
    <message>
        <source>Not in the demo: it starts over each time it is opened.</source>
        <translation>Niet in de demo: die begint elke keer opnieuw.</translation>
    </message>
    <message>
        <source>The demo keeps nothing worth removing: it starts over each time it is opened.</source>
        <translation>De demo bewaart niets dat het verwijderen waard is: die begint elke keer opnieuw.</translation>
    </message>
    <message>
        <source>The language could not be saved in {file}: {error}</source>
        <translation>De taal kon niet worden opgeslagen in {file}: {error}</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {error}. Ask whoever looks after this computer.</source>
        <translation>Het automatisch starten kon niet worden gewijzigd: {error}. Vraag het aan wie deze computer beheert.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>epages-sync setup</source>
        <translation>epages-sync instellen</translation>
    </message>
    <message>
        <source>epages-sync settings</source>
        <translation>epages-sync – instellingen</translation>
    </message>
    <message>
        <source>epages-sync — add a store</source>
        <translation>epages-sync — webshop toevoegen</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>&amp;Finish and start the sync</source>
        <translation>&amp;Klaar – synchronisatie starten</translation>
    </message>
</context>
<context>
    <name>StoreSlot</name>
    <message>
        <source>The sync is not running.</source>
        <translation>De synchronisatie is niet actief.</translation>
    </message>
</context>
<context>
    <name>StoreStrip</name>
    <message>
        <source>Store {store}</source>
        <translation>Webshop {store}</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>niets wacht</translation>
    </message>
    <message>
        <source>1 needs a person</source>
        <translation>1 heeft actie nodig</translation>
    </message>
    <message>
        <source>{n} need a person</source>
        <translation>{n} hebben actie nodig</translation>
    </message>
    <message>
        <source>last order check {when}</source>
        <translation>laatste controle {when}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready to start</source>
        <translation>Klaar om te starten</translation>
    </message>
    <message>
        <source>Looking for pickup orders at locations without a match…</source>
        <translation>Zoeken naar afhaalbestellingen op locaties zonder koppeling…</translation>
    </message>
    <message>
        <source>nothing (Stock is not synced)</source>
        <translation>niets (Voorraad wordt niet gesynchroniseerd)</translation>
    </message>
    <message>
        <source>ePages shop</source>
        <translation>ePages-webshop</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-id</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>Verkoopkanaal</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Locaties</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Without a match</source>
        <translation>Zonder koppeling</translation>
    </message>
    <message>
        <source>Webshop stock from</source>
        <translation>Voorraad webshop uit</translation>
    </message>
    <message>
        <source>no location</source>
        <translation>geen locatie</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Gesynchroniseerd</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <source>Orders from</source>
        <translation>Bestellingen vanaf</translation>
    </message>
    <message>
        <source>Checks for new orders</source>
        <translation>Controleert op nieuwe bestellingen</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimen</translation>
    </message>
    <message>
        <source>Looking for this computer&apos;s password store…</source>
        <translation>De wachtwoordopslag van deze computer wordt gezocht…</translation>
    </message>
    <message>
        <source>Cannot be saved: this computer has no secure password store (see below). They are never written into a file.</source>
        <translation>Kunnen niet worden bewaard: deze computer heeft geen veilige wachtwoordopslag (zie hieronder). Ze worden nooit in een bestand gezet.</translation>
    </message>
    <message>
        <source>The client secret and the API key go into this computer&apos;s password store (on Windows the Credential Manager), never into a file.</source>
        <translation>Het client secret en de API-sleutel gaan naar de wachtwoordopslag van deze computer (op Windows Referentiebeheer), nooit naar een bestand.</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Check your choices and what the first sync would do. Finish saves them and starts the sync.</source>
        <translation>Controleer je keuzes en wat de eerste synchronisatie zou doen. ‘Klaar’ slaat ze op en start de synchronisatie.</translation>
    </message>
    <message>
        <source>Everything stays in the demo&apos;s own folder.</source>
        <translation>Alles blijft in de eigen map van de demo.</translation>
    </message>
    <message>
        <source>The client secret and the API key can only be kept in a secure password store, so the setup cannot finish on this computer yet. {action}</source>
        <translation>Het client secret en de API-sleutel kunnen alleen in een veilige wachtwoordopslag worden bewaard, dus de installatie kan op deze computer nog niet worden afgerond. {action}</translation>
    </message>
    <message>
        <source>Pickup orders could not be checked</source>
        <translation>Afhaalbestellingen konden niet worden gecontroleerd</translation>
    </message>
    <message>
        <source>{name} has one pickup order since the start date but no Afosto location.</source>
        <translation>{name} heeft sinds de startdatum één afhaalbestelling, maar geen Afosto-locatie.</translation>
    </message>
    <message>
        <source>{name} has {n} pickup orders since the start date but no Afosto location.</source>
        <translation>{name} heeft sinds de startdatum {n} afhaalbestellingen, maar geen Afosto-locatie.</translation>
    </message>
    <message>
        <source>Finish is not possible yet.</source>
        <translation>Afronden is nog niet mogelijk.</translation>
    </message>
    <message>
        <source>Go Back to Locations and choose the Afosto location where these orders are picked up.</source>
        <translation>Ga terug naar Locaties en kies de Afosto-locatie waar deze bestellingen worden afgehaald.</translation>
    </message>
    <message>
        <source>No pickup order waits at a location without a match.</source>
        <translation>Er wacht geen afhaalbestelling op een locatie zonder koppeling.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>No secure password store on this computer</source>
        <translation>Geen veilige wachtwoordopslag op deze computer</translation>
    </message>
    <message>
        <source>The secrets were not saved, and the setup is not finished. {action}</source>
        <translation>De geheimen zijn niet opgeslagen en de installatie is niet afgerond. {action}</translation>
    </message>
    <message>
        <source>The setup could not be saved</source>
        <translation>De installatie kon niet worden opgeslagen</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>&amp;Open epages-sync</source>
        <translation>epages-sync &amp;openen</translation>
    </message>
    <message>
        <source>Pause for &amp;1 hour</source>
        <translation>&amp;1 uur pauzeren</translation>
    </message>
    <message>
        <source>&amp;Pause until resumed</source>
        <translation>&amp;Pauzeren tot hervatten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Hervatten</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;syncen</translation>
    </message>
    <message>
        <source>Check ePages for orders and Afosto for changes right now.</source>
        <translation>Nu meteen bij ePages kijken naar bestellingen en bij Afosto naar wijzigingen.</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>Change the connection, what is synced, the language or start at login.</source>
        <translation>Koppeling, wat er gesynchroniseerd wordt, taal of automatisch starten wijzigen.</translation>
    </message>
    <message>
        <source>&amp;Compare both systems…</source>
        <translation>Beide systemen &amp;vergelijken…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergelijken</translation>
    </message>
    <message>
        <source>List what differs between ePages and Afosto, read from both systems.</source>
        <translation>Toon wat er verschilt tussen ePages en Afosto, rechtstreeks uit beide systemen gelezen.</translation>
    </message>
    <message>
        <source>Pause all stores for &amp;1 hour</source>
        <translation>Alle webshops &amp;1 uur pauzeren</translation>
    </message>
    <message>
        <source>&amp;Pause all stores until resumed</source>
        <translation>Alle webshops &amp;pauzeren tot hervatten</translation>
    </message>
    <message>
        <source>&amp;Resume all stores</source>
        <translation>Alle webshops &amp;hervatten</translation>
    </message>
    <message>
        <source>&amp;Sync all stores now</source>
        <translation>Alle webshops nu &amp;syncen</translation>
    </message>
    <message>
        <source>&amp;Add store…</source>
        <translation>Webshop &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Set up another ePages store of this installation, with the same setup pages. Its orders go to its own Afosto sales channel.</source>
        <translation>Nog een ePages-webshop in deze installatie instellen, met dezelfde instelpagina&apos;s. De bestellingen ervan gaan naar een eigen verkoopkanaal in Afosto.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Stop the sync and close the app.</source>
        <translation>De synchronisatie stoppen en de app sluiten.</translation>
    </message>
    <message>
        <source>Close this window. The service keeps running.</source>
        <translation>Dit venster sluiten. De service blijft draaien.</translation>
    </message>
    <message>
        <source>Check the store {store} for orders and Afosto for its changes right now. The other stores keep their own rhythm.</source>
        <translation>Nu meteen in webshop {store} kijken naar bestellingen en bij Afosto naar de wijzigingen ervan. De andere webshops houden hun eigen ritme.</translation>
    </message>
    <message>
        <source>Change the connection, locations and flows of the store {store}, the language or start at login.</source>
        <translation>Koppeling, locaties en onderdelen van webshop {store}, de taal of automatisch starten wijzigen.</translation>
    </message>
    <message>
        <source>Pause the store {store}; the other stores go on.</source>
        <translation>Webshop {store} pauzeren; de andere webshops gaan door.</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>The sync is not running.</source>
        <translation>De synchronisatie is niet actief.</translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <source>An item waits in the log. Open epages-sync to retry or dismiss it.</source>
        <translation>Er wacht een item in het logboek. Open epages-sync om het opnieuw te proberen of te negeren.</translation>
    </message>
    <message>
        <source>{n} items wait in the log. Open epages-sync to retry or dismiss them.</source>
        <translation>Er wachten {n} items in het logboek. Open epages-sync om ze opnieuw te proberen of te negeren.</translation>
    </message>
    <message>
        <source>Items need a person</source>
        <translation>Items hebben actie nodig</translation>
    </message>
    <message>
        <source>epages-sync needs you</source>
        <translation>epages-sync heeft je nodig</translation>
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
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Afosto reference</source>
        <translation>Afosto-referentie</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to epages-sync</source>
        <translation>Welkom bij epages-sync</translation>
    </message>
    <message>
        <source>This app keeps your ePages online shop and Afosto in step, from this computer.</source>
        <translation>Deze app houdt je ePages-webshop en Afosto gelijk, vanaf deze computer.</translation>
    </message>
    <message>
        <source>New webshop orders are put into Afosto, every few minutes.</source>
        <translation>Nieuwe bestellingen uit de webshop gaan om de paar minuten naar Afosto.</translation>
    </message>
    <message>
        <source>What happens in the warehouse reaches the webshop within seconds: parcels shipped or delivered, orders ready for pickup or picked up, cancellations, returns.</source>
        <translation>Wat er in het magazijn gebeurt bereikt de webshop binnen enkele seconden: verzonden of bezorgde pakketten, bestellingen klaar om af te halen of afgehaald, annuleringen, retouren.</translation>
    </message>
    <message>
        <source>The webshop&apos;s stock follows the stock of the Afosto locations you choose.</source>
        <translation>De voorraad van de webshop volgt de voorraad van de Afosto-locaties die je kiest.</translation>
    </message>
    <message>
        <source>Every action is listed in a log, in plain words. Anything that needs a person is marked.</source>
        <translation>Elke actie staat in gewone woorden in een logboek. Alles wat actie nodig heeft, is gemarkeerd.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your store name&lt;/b&gt;: the part before &lt;i&gt;.beyondshop.cloud&lt;/i&gt; in your cockpit address, e.g. &lt;i&gt;my-shop&lt;/i&gt; in https://my-shop.beyondshop.cloud/cockpit/login.</source>
        <translation>&lt;b&gt;De naam van je webshop&lt;/b&gt;: het deel vóór &lt;i&gt;.beyondshop.cloud&lt;/i&gt; in het adres van je cockpit, bijv. &lt;i&gt;mijn-shop&lt;/i&gt; in https://mijn-shop.beyondshop.cloud/cockpit/login.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A client id and client secret&lt;/b&gt; of an app of your own: in the ePages cockpit open &lt;i&gt;Apps &amp;gt; Eigene Apps &amp;gt; Eigene App hinzufügen&lt;/i&gt;, give it a name (for example &quot;Afosto&quot;), leave the callback address empty, tick the permissions shown on the next page, click &lt;i&gt;Speichern&lt;/i&gt;, and copy client_id and client_secret from the section &lt;i&gt;Client credentials&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Een client-id en client secret&lt;/b&gt; van een eigen app: open in de ePages-cockpit &lt;i&gt;Apps &amp;gt; Eigene Apps &amp;gt; Eigene App hinzufügen&lt;/i&gt;, geef hem een naam (bijvoorbeeld ‘Afosto’), laat het callback-adres leeg, vink de rechten aan die de volgende pagina toont, klik op &lt;i&gt;Speichern&lt;/i&gt; en kopieer client_id en client_secret uit het onderdeel &lt;i&gt;Client credentials&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;An Afosto API key&lt;/b&gt; for this connection (made in Afosto&apos;s settings, under API).</source>
        <translation>&lt;b&gt;Een Afosto-API-sleutel&lt;/b&gt; voor deze koppeling (aangemaakt in de instellingen van Afosto, onder API).</translation>
    </message>
    <message>
        <source>&lt;b&gt;In Afosto&lt;/b&gt;: a sales channel for the webshop&apos;s orders, and the locations (warehouses, shops) that belong to your ePages locations.</source>
        <translation>&lt;b&gt;In Afosto&lt;/b&gt;: een verkoopkanaal voor de bestellingen van de webshop, en de locaties (magazijnen, winkels) die bij je ePages-locaties horen.</translation>
    </message>
    <message>
        <source>What it does:</source>
        <translation>Wat de app doet:</translation>
    </message>
    <message>
        <source>What you need for the setup:</source>
        <translation>Wat je nodig hebt voor de installatie:</translation>
    </message>
    <message>
        <source>The setup takes about five minutes. You can go back at any step, and change everything later under Settings.</source>
        <translation>De installatie duurt ongeveer vijf minuten. Je kunt bij elke stap terug, en alles later wijzigen onder Instellingen.</translation>
    </message>
    <message>
        <source>Demo: the fields are filled in for a simulated shop and warehouse on this computer. Nothing here touches a real shop.</source>
        <translation>Demo: de velden zijn ingevuld voor een gesimuleerde webshop met magazijn op deze computer. Niets hier raakt een echte webshop.</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Retry asked for on the command line: {reference}.</source>
        <translation>Nieuwe poging gevraagd via de opdrachtregel: {reference}.</translation>
    </message>
    <message>
        <source>Dismissed on the command line: parked item {id}.</source>
        <translation>Genegeerd via de opdrachtregel: wachtend item {id}.</translation>
    </message>
    <message>
        <source>Dismissed on the command line: {n} parked items.</source>
        <translation>Genegeerd via de opdrachtregel: {n} wachtende items.</translation>
    </message>
    <message>
        <source>Name one of them with --store NAME, or add a store with &apos;epages-sync configure --store NEW ...&apos;.</source>
        <translation>Noem er een met --store NAAM, of voeg een webshop toe met &apos;epages-sync configure --store NIEUW ...&apos;.</translation>
    </message>
    <message>
        <source>This installation has several stores: {names}. &apos;{command}&apos; works on one of them.</source>
        <translation>Deze installatie heeft meerdere webshops: {names}. &apos;{command}&apos; werkt met één daarvan.</translation>
    </message>
    <message>
        <source>Choose one with --store NAME, for example &apos;epages-sync {command} --store {first}&apos;.</source>
        <translation>Kies er een met --store NAAM, bijvoorbeeld &apos;epages-sync {command} --store {first}&apos;.</translation>
    </message>
    <message>
        <source>Request too large for Afosto</source>
        <translation>Verzoek te groot voor Afosto</translation>
    </message>
    <message>
        <source>Afosto API does not fit</source>
        <translation>Afosto-API past niet</translation>
    </message>
    <message>
        <source>Run &apos;epages-sync check&apos;: it names the operation and the field that does not fit. The documents in afosto_ops can then be adjusted; nothing was changed in Afosto.</source>
        <translation>Voer &apos;epages-sync check&apos; uit: dat noemt de functie en het veld die niet passen. Daarna kunnen de documenten in afosto_ops worden aangepast; in Afosto is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Afosto answered without the order.</source>
        <translation>Afosto antwoordde zonder de order.</translation>
    </message>
    <message>
        <source>Afosto answered without the parcel.</source>
        <translation>Afosto antwoordde zonder het pakket.</translation>
    </message>
    <message>
        <source>Afosto refused the API key: {reason}</source>
        <translation>Afosto heeft de API-sleutel geweigerd: {reason}</translation>
    </message>
    <message>
        <source>Afosto API key</source>
        <translation>Afosto-API-sleutel</translation>
    </message>
    <message>
        <source>The Afosto API key may not use {what}: {reason}</source>
        <translation>De Afosto-API-sleutel mag {what} niet gebruiken: {reason}</translation>
    </message>
    <message>
        <source>Afosto API key ({what})</source>
        <translation>Afosto-API-sleutel ({what})</translation>
    </message>
    <message>
        <source>Give the API key access to this part in Afosto (Settings &gt; API), or create a key with it, then enter the key again.</source>
        <translation>Geef de API-sleutel in Afosto (Instellingen &gt; API) toegang tot dit deel, of maak een sleutel met die toegang, en vul de sleutel dan opnieuw in.</translation>
    </message>
    <message>
        <source>Afosto asked us to slow down (RATE_LIMITED).</source>
        <translation>Afosto heeft gevraagd minder verzoeken te sturen (RATE_LIMITED).</translation>
    </message>
    <message>
        <source>Afosto failed on its side (INTERNAL_SERVER_ERROR).</source>
        <translation>Er ging iets mis aan de kant van Afosto (INTERNAL_SERVER_ERROR).</translation>
    </message>
    <message>
        <source>Afosto refused a request of {size} bytes as too large.</source>
        <translation>Afosto weigerde een verzoek van {size} bytes omdat het te groot is.</translation>
    </message>
    <message>
        <source>Afosto answered HTTP {status} without a GraphQL answer.</source>
        <translation>Afosto antwoordde met HTTP {status} zonder GraphQL-antwoord.</translation>
    </message>
    <message>
        <source>Afosto answered {operation} without data.</source>
        <translation>Afosto antwoordde op {operation} zonder gegevens.</translation>
    </message>
    <message>
        <source>Afosto has no order {order}.</source>
        <translation>Afosto heeft geen bestelling {order}.</translation>
    </message>
    <message>
        <source>Afosto order {order}</source>
        <translation>Afosto-bestelling {order}</translation>
    </message>
    <message>
        <source>No ePages client id is set.</source>
        <translation>Er is geen ePages-client-id ingesteld.</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>client-id</translation>
    </message>
    <message>
        <source>There is no ePages shop at {host}.</source>
        <translation>Op {host} is geen ePages-webshop.</translation>
    </message>
    <message>
        <source>ePages says the app was revoked.</source>
        <translation>Volgens ePages is de app ingetrokken.</translation>
    </message>
    <message>
        <source>ePages client id</source>
        <translation>ePages-client-id</translation>
    </message>
    <message>
        <source>ePages refused the client id and secret.</source>
        <translation>ePages heeft de client-id en het secret geweigerd.</translation>
    </message>
    <message>
        <source>ePages login answered unexpectedly (HTTP {status}).</source>
        <translation>Het inloggen bij ePages gaf een onverwacht antwoord (HTTP {status}).</translation>
    </message>
    <message>
        <source>ePages login</source>
        <translation>inloggen bij ePages</translation>
    </message>
    <message>
        <source>There is no ePages shop named &apos;{store}&apos;.</source>
        <translation>Er is geen ePages-webshop met de naam &apos;{store}&apos;.</translation>
    </message>
    <message>
        <source>ePages refused the access token twice in a row.</source>
        <translation>ePages heeft het toegangstoken twee keer achter elkaar geweigerd.</translation>
    </message>
    <message>
        <source>The ePages app lacks the permission &apos;{label}&apos; ({scope}).</source>
        <translation>De ePages-app mist het recht &apos;{label}&apos; ({scope}).</translation>
    </message>
    <message>
        <source>ePages refused the request: {reason}.</source>
        <translation>ePages heeft het verzoek geweigerd: {reason}.</translation>
    </message>
    <message>
        <source>ePages refused the value: {reason}</source>
        <translation>ePages heeft de waarde geweigerd: {reason}</translation>
    </message>
    <message>
        <source>ePages does not know it: {reason}</source>
        <translation>ePages kent het niet: {reason}</translation>
    </message>
    <message>
        <source>ePages refused it: {reason}</source>
        <translation>ePages heeft het geweigerd: {reason}</translation>
    </message>
    <message>
        <source>ePages answered HTTP {status}: {reason}</source>
        <translation>ePages antwoordde met HTTP {status}: {reason}</translation>
    </message>
    <message>
        <source>ePages sent an answer this version cannot read: {problem}.</source>
        <translation>ePages stuurde een antwoord dat deze versie niet kan lezen: {problem}.</translation>
    </message>
    <message>
        <source>Answer lost</source>
        <translation>Antwoord verloren gegaan</translation>
    </message>
    <message>
        <source>The change may or may not have arrived. The sync reads the current state before it sends anything again, so nothing is applied twice.</source>
        <translation>De wijziging is misschien wel, misschien niet aangekomen. De synchronisatie leest de huidige stand voordat ze iets opnieuw verstuurt, zodat niets twee keer wordt uitgevoerd.</translation>
    </message>
    <message>
        <source>Address not found</source>
        <translation>Adres niet gevonden</translation>
    </message>
    <message>
        <source>Check the address; if it is right, check the internet connection of this computer.</source>
        <translation>Controleer het adres; als dat klopt, controleer dan de internetverbinding van deze computer.</translation>
    </message>
    <message>
        <source>{api} failed {failures} times in a row; requests are paused for {seconds} s so the service is not flooded.</source>
        <translation>{api} is {failures} keer achter elkaar mislukt; verzoeken worden {seconds} s gepauzeerd, zodat de dienst niet overbelast raakt.</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified.</source>
        <translation>Het certificaat van {host} kon niet worden gecontroleerd.</translation>
    </message>
    <message>
        <source>The address {host} does not exist.</source>
        <translation>Het adres {host} bestaat niet.</translation>
    </message>
    <message>
        <source>{api} could not be reached ({reason}).</source>
        <translation>{api} was niet bereikbaar ({reason}).</translation>
    </message>
    <message>
        <source>{api} did not answer in time ({reason}).</source>
        <translation>{api} antwoordde niet op tijd ({reason}).</translation>
    </message>
    <message>
        <source>{request}: {problem} It is not known whether the change was applied.</source>
        <translation>{request}: {problem} Het is niet bekend of de wijziging is doorgevoerd.</translation>
    </message>
    <message>
        <source>{api} asked to wait {seconds} s before the next request.</source>
        <translation>{api} vroeg om {seconds} s te wachten voor het volgende verzoek.</translation>
    </message>
    <message>
        <source>{api} asked us to slow down (HTTP 429).</source>
        <translation>{api} heeft gevraagd minder verzoeken te sturen (HTTP 429).</translation>
    </message>
    <message>
        <source>{api} answered with a server error (HTTP {status}).</source>
        <translation>{api} antwoordde met een serverfout (HTTP {status}).</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a store name. Enter only the part before &apos;{suffix}&apos;, for example &apos;my-shop&apos; from https://my-shop{suffix}/cockpit/login.</source>
        <translation>&apos;{raw}&apos; is geen naam van een webshop. Vul alleen het deel vóór &apos;{suffix}&apos; in, bijvoorbeeld &apos;mijn-shop&apos; uit https://mijn-shop{suffix}/cockpit/login.</translation>
    </message>
    <message>
        <source>store name</source>
        <translation>naam van de webshop</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a valid store name: use 1 to 63 lower-case letters, digits and hyphens, not starting or ending with a hyphen.</source>
        <translation>&apos;{raw}&apos; is geen geldige naam voor een webshop: gebruik 1 tot 63 kleine letters, cijfers en koppeltekens, zonder koppelteken aan het begin of eind.</translation>
    </message>
    <message>
        <source>No store name is set.</source>
        <translation>Er is geen naam van de webshop ingesteld.</translation>
    </message>
    <message>
        <source>press {button}</source>
        <translation>klik op ‘{button}’</translation>
    </message>
    <message>
        <source>There is no ePages shop named &apos;{store}&apos;. The store name is the part before .beyondshop.cloud in the address of your cockpit.</source>
        <translation>Er is geen ePages-webshop met de naam &apos;{store}&apos;. De naam is het deel vóór .beyondshop.cloud in het adres van je cockpit.</translation>
    </message>
    <message>
        <source>Copy the key again from Afosto&apos;s settings (API), or make a new one there, then {again}.</source>
        <translation>Kopieer de sleutel opnieuw uit de instellingen van Afosto (API), of maak daar een nieuwe aan, en {again}.</translation>
    </message>
    <message>
        <source>Copy the key again from Afosto&apos;s settings (API), or make a new one there. {resave} Then {again}.</source>
        <translation>Kopieer de sleutel opnieuw uit de instellingen van Afosto (API), of maak daar een nieuwe aan. {resave} Daarna {again}.</translation>
    </message>
    <message>
        <source>API key refused</source>
        <translation>API-sleutel geweigerd</translation>
    </message>
    <message>
        <source>Afosto did not accept this API key. {how}</source>
        <translation>Afosto heeft deze API-sleutel niet geaccepteerd. {how}</translation>
    </message>
    <message>
        <source>Copy both again from the cockpit (Apps &gt; Eigene Apps &gt; your app, section Client credentials), then {again}.</source>
        <translation>Kopieer ze allebei opnieuw uit de cockpit (Apps &gt; Eigene Apps &gt; je app, onderdeel Client credentials) en {again}.</translation>
    </message>
    <message>
        <source>Copy both again from the cockpit (Apps &gt; Eigene Apps &gt; your app, section Client credentials). {resave} Then {again}.</source>
        <translation>Kopieer ze allebei opnieuw uit de cockpit (Apps &gt; Eigene Apps &gt; je app, onderdeel Client credentials). {resave} Daarna {again}.</translation>
    </message>
    <message>
        <source>Client id or secret refused</source>
        <translation>Client-id of secret geweigerd</translation>
    </message>
    <message>
        <source>ePages did not accept this client id and client secret. {how}</source>
        <translation>ePages heeft deze client-id en dit client secret niet geaccepteerd. {how}</translation>
    </message>
    <message>
        <source>The app was removed in the cockpit</source>
        <translation>De app is in de cockpit verwijderd</translation>
    </message>
    <message>
        <source>ePages says this app was deleted or revoked. Create it again under Apps &gt; Eigene Apps &gt; Eigene App hinzufügen and enter its new client id and secret.</source>
        <translation>Volgens ePages is deze app verwijderd of ingetrokken. Maak hem opnieuw aan onder Apps &gt; Eigene Apps &gt; Eigene App hinzufügen en vul de nieuwe client-id en het nieuwe secret in.</translation>
    </message>
    <message>
        <source>The local sandbox is not running</source>
        <translation>De lokale sandbox draait niet</translation>
    </message>
    <message>
        <source>Nothing answers at {address} on this computer: the sandbox (or the demo) that simulates ePages and Afosto is not running. Start it again, then {again}.</source>
        <translation>Op {address} op deze computer antwoordt niets: de sandbox (of de demo) die ePages en Afosto nabootst, draait niet. Start hem opnieuw en {again}.</translation>
    </message>
    <message>
        <source>{service} could not be reached. Check this computer&apos;s internet connection, then {again}.</source>
        <translation>{service} was niet bereikbaar. Controleer de internetverbinding van deze computer en {again}.</translation>
    </message>
    <message>
        <source>The secure connection could not be verified</source>
        <translation>De beveiligde verbinding kon niet worden gecontroleerd</translation>
    </message>
    <message>
        <source>Check that this computer&apos;s date and time are right, and whether a proxy or an antivirus program inspects secure (HTTPS) connections.</source>
        <translation>Controleer of de datum en tijd van deze computer kloppen, en of een proxy of virusscanner beveiligde (HTTPS-)verbindingen inspecteert.</translation>
    </message>
    <message>
        <source>Please check your entry</source>
        <translation>Controleer wat je hebt ingevuld</translation>
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
        <translation>Het client secret is leeg.</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>client secret</translation>
    </message>
    <message>
        <source>The API key is empty.</source>
        <translation>De API-sleutel is leeg.</translation>
    </message>
    <message>
        <source>Afosto sales channel</source>
        <translation>Afosto-verkoopkanaal</translation>
    </message>
    <message>
        <source>Afosto has no sales channel with the id {id}.</source>
        <translation>Afosto heeft geen verkoopkanaal met id {id}.</translation>
    </message>
    <message>
        <source>Choose the sales channel again in the setup.</source>
        <translation>Kies het verkoopkanaal opnieuw in de installatie.</translation>
    </message>
    <message>
        <source>No sales channel chosen</source>
        <translation>Geen verkoopkanaal gekozen</translation>
    </message>
    <message>
        <source>No Afosto sales channel is chosen yet.</source>
        <translation>Er is nog geen Afosto-verkoopkanaal gekozen.</translation>
    </message>
    <message>
        <source>Choose the sales channel the imported orders belong to in the setup.</source>
        <translation>Kies in de installatie het verkoopkanaal waar de overgenomen bestellingen bij horen.</translation>
    </message>
    <message>
        <source>run &apos;epages-sync check&apos; again</source>
        <translation>voer &apos;epages-sync check&apos; opnieuw uit</translation>
    </message>
    <message>
        <source>The folder {folder} could not be made: the disk is full.</source>
        <translation>De map {folder} kon niet worden gemaakt: de schijf is vol.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made: {file} is a file, not a folder.</source>
        <translation>De map {folder} kan niet worden gemaakt: {file} is een bestand, geen map.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made: {reason}.</source>
        <translation>De map {folder} kan niet worden gemaakt: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only for this user account.</source>
        <translation>De map {folder} is alleen-lezen voor dit gebruikersaccount.</translation>
    </message>
    <message>
        <source>The file {file} is read-only for this user account.</source>
        <translation>Het bestand {file} is alleen-lezen voor dit gebruikersaccount.</translation>
    </message>
    <message>
        <source>The damaged database was moved aside to {aside} and a fresh one started ({problem}). The settings were kept; the sync finds again what both systems already have.</source>
        <translation>De beschadigde database is opzijgezet als {aside} en er is een nieuwe begonnen ({problem}). De instellingen zijn behouden; de synchronisatie vindt terug wat beide systemen al hebben.</translation>
    </message>
    <message>
        <source>The database {path} is empty (0 bytes): what it held is gone, for example because the disk was full or the computer was switched off while it was written.</source>
        <translation>De database {path} is leeg (0 bytes): wat erin stond is weg, bijvoorbeeld omdat de schijf vol was of de computer werd uitgezet terwijl erin werd geschreven.</translation>
    </message>
    <message>
        <source>The damaged database {path} could not be moved aside: {reason}. Close every program that may have it open, then try again.</source>
        <translation>De beschadigde database {path} kon niet opzij worden gezet: {reason}. Sluit alle programma&apos;s die hem geopend kunnen hebben en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>the installation file</source>
        <translation>het installatiebestand</translation>
    </message>
    <message>
        <source>1 order adopted from Afosto: it was there already (a new, restored or second copy of this app&apos;s database), so it was linked, not created again.</source>
        <translation>1 bestelling uit Afosto overgenomen: die stond er al (een nieuwe, teruggezette of tweede database van deze app), dus is ze gekoppeld en niet opnieuw aangemaakt.</translation>
    </message>
    <message>
        <source>{n} orders adopted from Afosto: they were there already (a new, restored or second copy of this app&apos;s database), so they were linked, not created again.</source>
        <translation>{n} bestellingen uit Afosto overgenomen: ze stonden er al (een nieuwe, teruggezette of tweede database van deze app), dus zijn ze gekoppeld en niet opnieuw aangemaakt.</translation>
    </message>
    <message>
        <source>Matched on both sides and linked, not carried over again: {shipments} shipments or pickups, {units} cancelled units, {returns} returns.</source>
        <translation>Aan beide kanten gevonden en gekoppeld, niet nog eens overgezet: {shipments} zendingen of afhalingen, {units} geannuleerde eenheden, {returns} retouren.</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>besteld</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>verzonden</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>bezorgd</translation>
    </message>
    <message>
        <source>ready for pickup</source>
        <translation>klaar om af te halen</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>afgehaald</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>geretourneerd</translation>
    </message>
    <message>
        <source>returned as defect</source>
        <translation>als defect geretourneerd</translation>
    </message>
    <message>
        <source>Order {number} is in ePages but not in Afosto. The sync imports it at its next order check; if it stays missing, look for an attention item about this order, or start the sync.</source>
        <translation>Bestelling {number} staat in ePages maar niet in Afosto. De synchronisatie neemt haar bij de volgende bestellingscontrole over; ontbreekt ze daarna nog, zoek dan naar een regel ‘Actie nodig’ over deze bestelling, of start de synchronisatie.</translation>
    </message>
    <message>
        <source>Order {number} is in Afosto {count} times ({afosto_numbers}). A second copy of this app (on another computer, or with another data folder) may be syncing the same shop: keep only one running. Then cancel the extra Afosto orders by hand.</source>
        <translation>Bestelling {number} staat {count} keer in Afosto ({afosto_numbers}). Misschien synchroniseert een tweede kopie van deze app (op een andere computer, of met een andere gegevensmap) dezelfde webshop: laat er maar één draaien. Annuleer daarna de extra Afosto-bestellingen met de hand.</translation>
    </message>
    <message>
        <source>Afosto order {afosto_number} refers to ePages order {order}, which the shop does not have. Check whether it was deleted in ePages; cancel the Afosto order if it must not be delivered.</source>
        <translation>Afosto-bestelling {afosto_number} verwijst naar ePages-bestelling {order}, die de webshop niet heeft. Controleer of ze in ePages is verwijderd; annuleer de Afosto-bestelling als ze niet geleverd mag worden.</translation>
    </message>
    <message>
        <source>Stock of {sku} is {shown} in ePages but should be {target} (Afosto has {stock} available in the shop&apos;s locations, less {held} in ePages orders not in Afosto). The stock sync sets it at its next check; if it stays, check the Afosto locations that feed the shop in Settings.</source>
        <translation>De voorraad van {sku} is {shown} in ePages maar zou {target} moeten zijn (Afosto heeft {stock} beschikbaar op de locaties van de webshop, min {held} in ePages-bestellingen die niet in Afosto staan). De voorraadsynchronisatie zet hem bij de volgende controle goed; blijft hij afwijken, controleer dan in Instellingen de Afosto-locaties die de voorraad voor de webshop leveren.</translation>
    </message>
    <message>
        <source>Order {number}: {counted} units of {sku}: {shop} in ePages, {warehouse} in Afosto (Afosto order {afosto_number}). Compare the order in the ePages cockpit and in Afosto and correct the side that is wrong; the sync carries changes over, not differences that are there already.</source>
        <translation>Bestelling {number}, {sku}, {counted}: {shop} in ePages, {warehouse} in Afosto (Afosto-bestelling {afosto_number}). Vergelijk de bestelling in de ePages-cockpit en in Afosto en corrigeer de kant die niet klopt; de synchronisatie zet wijzigingen over, geen verschillen die er al zijn.</translation>
    </message>
    <message>
        <source>Both systems compared: no differences.</source>
        <translation>Beide systemen vergeleken: geen verschillen.</translation>
    </message>
    <message>
        <source>Both systems compared: {n} differences ({missing} orders missing in Afosto, {twice} in Afosto more than once, {units} unit counts, {stock} stock figures, {gone} Afosto orders without a shop order).</source>
        <translation>Beide systemen vergeleken: {n} verschillen ({missing} bestellingen ontbreken in Afosto, {twice} meer dan eens in Afosto, {units} aantallen, {stock} voorraden, {gone} Afosto-bestellingen zonder webshopbestelling).</translation>
    </message>
    <message>
        <source>Order {number} was shipped in ePages (tracking {epages_code}) and in Afosto (tracking {afosto_code}) at the same moment; the units count once. Check which parcel really left, correct the tracking code in the other system, then dismiss this item.</source>
        <translation>Bestelling {number} is tegelijk verzonden in ePages (trackingcode {epages_code}) en in Afosto (trackingcode {afosto_code}); de stuks tellen één keer. Controleer welk pakket echt is vertrokken, corrigeer de trackingcode in het andere systeem en negeer dan dit item.</translation>
    </message>
    <message>
        <source>Orders kept changing in ePages while they were read.</source>
        <translation>Bestellingen veranderden steeds in ePages terwijl ze gelezen werden.</translation>
    </message>
    <message>
        <source>Order {number} could not be read: {problem}. Nothing of it was imported; the other orders go on. Check the order in the ePages cockpit, then {retry}.</source>
        <translation>Bestelling {number} kon niet gelezen worden: {problem}. Er is niets van overgenomen; de andere bestellingen gaan door. Controleer de bestelling in de ePages-cockpit en {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: {units} unit(s) ({skus}) were shipped in ePages, but the warehouse cancelled them in Afosto at the same time. Check whether they left, correct the order in the system that is wrong, then dismiss this item.</source>
        <translation>Bestelling {number}: {units} stuk(s) ({skus}) zijn in ePages verzonden, maar het magazijn heeft ze tegelijk in Afosto geannuleerd. Controleer of ze vertrokken zijn, corrigeer de bestelling in het systeem dat fout is en negeer dan dit item.</translation>
    </message>
    <message>
        <source>Order {number}: the cancellation is now the same in ePages and Afosto.</source>
        <translation>Bestelling {number}: de annulering is nu gelijk in ePages en Afosto.</translation>
    </message>
    <message>
        <source>Order {number}: {units} unit(s) ({skus}) were cancelled in ePages after the warehouse had packed them in Afosto, so Afosto cannot cancel them. Stop the parcel and cancel the units in Afosto, or settle it with the customer; then dismiss this item.</source>
        <translation>Bestelling {number}: {units} stuk(s) ({skus}) zijn in ePages geannuleerd nadat het magazijn ze in Afosto al had ingepakt, dus Afosto kan ze niet annuleren. Houd het pakket tegen en annuleer de stuks in Afosto, of regel het met de klant; negeer dan dit item.</translation>
    </message>
    <message>
        <source>Order {number} was shipped in ePages and in Afosto at the same moment; the units count once.</source>
        <translation>Bestelling {number} is tegelijk verzonden in ePages en in Afosto; de stuks tellen één keer.</translation>
    </message>
    <message>
        <source>Order {number}: the tracking codes in ePages and Afosto agree again.</source>
        <translation>Bestelling {number}: de trackingcodes in ePages en Afosto komen weer overeen.</translation>
    </message>
    <message>
        <source>Order {number}: some units shipped in ePages were shipped by the warehouse at the same time; they are counted once, and the rest is recorded in Afosto.</source>
        <translation>Bestelling {number}: een deel van de in ePages verzonden stuks heeft het magazijn tegelijk verstuurd; die tellen één keer, de rest wordt in Afosto vastgelegd.</translation>
    </message>
    <message>
        <source>{n} cancelled</source>
        <translation>{n} geannuleerd</translation>
    </message>
    <message>
        <source>{n} shipped</source>
        <translation>{n} verzonden</translation>
    </message>
    <message>
        <source>{n} ready for pickup or picked up</source>
        <translation>{n} klaar voor afhalen of afgehaald</translation>
    </message>
    <message>
        <source>{n} returned</source>
        <translation>{n} geretourneerd</translation>
    </message>
    <message>
        <source>{n} defect</source>
        <translation>{n} defect</translation>
    </message>
    <message>
        <source>Orders to import into Afosto: {orders} ({units} units).</source>
        <translation>Bestellingen die naar Afosto zouden gaan: {orders} ({units} stuks).</translation>
    </message>
    <message>
        <source>  {number}: {units} units, then {then}</source>
        <translation>  {number}: {units} stuks, daarna {then}</translation>
    </message>
    <message>
        <source>  {number}: {units} units</source>
        <translation>  {number}: {units} stuks</translation>
    </message>
    <message>
        <source>  ... and {more} more.</source>
        <translation>  ... en nog {more}.</translation>
    </message>
    <message>
        <source>Orders Afosto has already, to be linked, not created again: {orders}.</source>
        <translation>Bestellingen die Afosto al heeft en die gekoppeld, niet opnieuw aangemaakt zouden worden: {orders}.</translation>
    </message>
    <message>
        <source>Carried over to Afosto after the import: {cancelled} cancelled, {shipped} shipped, {pickup} ready for pickup or picked up, {returned} returned, {defect} defect.</source>
        <translation>Na de import in Afosto overgenomen: {cancelled} geannuleerd, {shipped} verzonden, {pickup} klaar voor afhalen of afgehaald, {returned} geretourneerd, {defect} defect.</translation>
    </message>
    <message>
        <source>Orders already linked with changes to carry over: {orders}.</source>
        <translation>Al gekoppelde bestellingen met wijzigingen om over te nemen: {orders}.</translation>
    </message>
    <message>
        <source>Orders that would wait for a person: {orders}.</source>
        <translation>Bestellingen die op een persoon zouden wachten: {orders}.</translation>
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
        <translation>Voorraad wordt niet gesynchroniseerd (uitgezet in de instellingen of niet toegestaan in ePages).</translation>
    </message>
    <message>
        <source>Stock figures the shop would get now, counting the orders not yet in Afosto as sold: {changed} changed, {same} unchanged.</source>
        <translation>Voorraden die de winkel nu zou krijgen (bestellingen die nog niet in Afosto staan, tellen als verkocht): {changed} gewijzigd, {same} ongewijzigd.</translation>
    </message>
    <message>
        <source>  {sku}: {shop} -&gt; {target}</source>
        <translation>  {sku}: {shop} -&gt; {target}</translation>
    </message>
    <message>
        <source>So many figures would drop sharply that the stock push would wait for a person to confirm it (check the location mapping).</source>
        <translation>Zoveel voorraden zouden sterk dalen dat het doorsturen op bevestiging van een persoon zou wachten (controleer de koppeling van de locaties).</translation>
    </message>
    <message>
        <source>Order {number}: {units} unit(s) ({skus}) were cancelled in Afosto, but ePages shows them shipped or handed out already, so ePages cannot cancel them. Check whether they left, correct the order in the system that is wrong, then dismiss this item.</source>
        <translation>Bestelling {number}: {units} stuk(s) ({skus}) zijn in Afosto geannuleerd, maar ePages toont ze al als verzonden of meegegeven, dus ePages kan ze niet annuleren. Controleer of ze vertrokken zijn, corrigeer de bestelling in het systeem dat fout is en negeer dan dit item.</translation>
    </message>
    <message>
        <source>Order {number}: the return was booked in ePages at the same moment; the two count as one.</source>
        <translation>Bestelling {number}: het retour is tegelijk in ePages geboekt; beide tellen als één.</translation>
    </message>
    <message>
        <source>Order {number}: a return decided in Afosto is counted in ePages already, but no return booked in ePages holds the same units. Compare the returns in both systems and correct the one that is wrong (stock may have been put back twice); then dismiss this item.</source>
        <translation>Bestelling {number}: een in Afosto beoordeeld retour is in ePages al geteld, maar geen in ePages geboekt retour bevat dezelfde stuks. Vergelijk de retouren in beide systemen en corrigeer het foute (de voorraad is misschien twee keer teruggeboekt); negeer dan dit item.</translation>
    </message>
    <message>
        <source>Comparing both systems did not finish: {problem} It is tried again in an hour.</source>
        <translation>De vergelijking van beide systemen is niet afgerond: {problem} Over een uur wordt het opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>Comparing both systems did not finish: {problem}</source>
        <translation>De vergelijking van beide systemen is niet afgerond: {problem}</translation>
    </message>
    <message>
        <source>its sync is not connected</source>
        <translation>de synchronisatie ervan is niet verbonden</translation>
    </message>
    <message>
        <source>its shop did not answer within {seconds} s</source>
        <translation>de webshop heeft niet binnen {seconds} s geantwoord</translation>
    </message>
    <message>
        <source>an unexpected error: {error}</source>
        <translation>een onverwachte fout: {error}</translation>
    </message>
    <message>
        <source>its sync stopped</source>
        <translation>de synchronisatie ervan is gestopt</translation>
    </message>
    <message>
        <source>The orders of store {store} could not be read for the stock figures ({problem}). Its reading of {time} counts instead until it answers again.</source>
        <translation>De bestellingen van webshop {store} konden niet worden gelezen voor de voorraadcijfers ({problem}). Tot de webshop weer antwoordt, telt in plaats daarvan de stand van {time}.</translation>
    </message>
    <message>
        <source>The orders of store {store} are read again for the stock figures.</source>
        <translation>De bestellingen van webshop {store} worden weer gelezen voor de voorraadcijfers.</translation>
    </message>
    <message>
        <source>Stock of {skus} not raised yet: store {store} sells from the same stock and has not told its orders since the start ({problem}), so a higher figure could sell the same units twice. Lower figures are sent; the others follow as soon as it answers.</source>
        <translation>Voorraad van {skus} nog niet verhoogd: webshop {store} verkoopt uit dezelfde voorraad en heeft sinds de start zijn bestellingen niet doorgegeven ({problem}), dus een hoger cijfer zou dezelfde stuks twee keer kunnen verkopen. Lagere cijfers worden verstuurd; de andere volgen zodra de webshop antwoordt.</translation>
    </message>
    <message>
        <source>The stock check tries again shortly.</source>
        <translation>De voorraadcontrole probeert het zo opnieuw.</translation>
    </message>
    <message>
        <source>not run by this command</source>
        <translation>niet uitgevoerd door deze opdracht</translation>
    </message>
    <message>
        <source>Local database problem</source>
        <translation>Probleem met de lokale database</translation>
    </message>
    <message>
        <source>The sync&apos;s own database on this computer could not be used. Close the app, make sure the disk is not full, and start again. If it keeps happening, send the log to support.</source>
        <translation>De eigen database van de synchronisatie op deze computer kon niet worden gebruikt. Sluit de app, controleer of de schijf niet vol is en start opnieuw. Gebeurt het steeds weer, stuur dan het logboek naar support.</translation>
    </message>
    <message>
        <source>Data from a newer version</source>
        <translation>Gegevens van een nieuwere versie</translation>
    </message>
    <message>
        <source>This data folder was last used by a newer version of epages-sync. Install that version (or a later one) again; nothing in the folder was changed.</source>
        <translation>Deze gegevensmap is het laatst gebruikt door een nieuwere versie van epages-sync. Installeer die versie (of een latere) opnieuw; er is niets in de map veranderd.</translation>
    </message>
    <message>
        <source>Not an epages-sync database</source>
        <translation>Geen database van epages-sync</translation>
    </message>
    <message>
        <source>The database file belongs to another program. Choose another data folder; the file was not changed.</source>
        <translation>Het databasebestand hoort bij een ander programma. Kies een andere gegevensmap; het bestand is niet veranderd.</translation>
    </message>
    <message>
        <source>Already linked differently</source>
        <translation>Al anders gekoppeld</translation>
    </message>
    <message>
        <source>The item is already linked to another one. Look at both in ePages and Afosto; send the log to support if they really belong together.</source>
        <translation>Het item is al aan een ander gekoppeld. Bekijk ze allebei in ePages en Afosto; stuur het logboek naar support als ze echt bij elkaar horen.</translation>
    </message>
    <message>
        <source>The local database is damaged</source>
        <translation>De lokale database is beschadigd</translation>
    </message>
    <message>
        <source>Nothing was changed. To move the damaged file aside (it is kept) and start a fresh database, agree in the window, or run the command again with --rebuild. Your settings and saved passwords are kept; the sync then finds again what both systems already have.</source>
        <translation>Er is niets veranderd. Om het beschadigde bestand opzij te zetten (het blijft bewaard) en met een nieuwe database te beginnen, stem je in het venster in, of voer je het commando opnieuw uit met --rebuild. Je instellingen en bewaarde wachtwoorden blijven behouden; de synchronisatie vindt daarna terug wat beide systemen al hebben.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>De schijf is vol</translation>
    </message>
    <message>
        <source>Free some space on the disk that holds the data folder (or choose another folder with --data-dir), then start again. Nothing was lost.</source>
        <translation>Maak ruimte vrij op de schijf met de gegevensmap (of kies een andere map met --data-dir) en start dan opnieuw. Er is niets verloren gegaan.</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>Er kan niet in de gegevensmap worden geschreven</translation>
    </message>
    <message>
        <source>Give your user account permission to change the data folder and its files (or choose another folder with --data-dir), then start again. Nothing was changed.</source>
        <translation>Geef je gebruikersaccount toestemming om de gegevensmap en de bestanden erin te wijzigen (of kies een andere map met --data-dir) en start dan opnieuw. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The data folder cannot be made</source>
        <translation>De gegevensmap kan niet worden gemaakt</translation>
    </message>
    <message>
        <source>Choose another data folder with --data-dir, or make sure the named place exists and your user account may create folders there, then start again.</source>
        <translation>Kies een andere gegevensmap met --data-dir, of zorg dat de genoemde plek bestaat en je gebruikersaccount daar mappen mag maken, en start dan opnieuw.</translation>
    </message>
    <message>
        <source>The database {path} is damaged: SQLite reports &apos;{problem}&apos;.</source>
        <translation>De database {path} is beschadigd: SQLite meldt &apos;{problem}&apos;.</translation>
    </message>
    <message>
        <source>The database {path} could not be written: the disk is full.</source>
        <translation>Er kon niet in de database {path} worden geschreven: de schijf is vol.</translation>
    </message>
    <message>
        <source>The database {path} could not be opened for writing: SQLite reports &apos;{problem}&apos;.</source>
        <translation>De database {path} kon niet worden geopend om te schrijven: SQLite meldt &apos;{problem}&apos;.</translation>
    </message>
    <message>
        <source>The disk could not read or write the database {path}: SQLite reports &apos;{problem}&apos;.</source>
        <translation>De schijf kon de database {path} niet lezen of schrijven: SQLite meldt &apos;{problem}&apos;.</translation>
    </message>
    <message>
        <source>The database {path} could not be used: {problem}.</source>
        <translation>De database {path} kon niet worden gebruikt: {problem}.</translation>
    </message>
    <message>
        <source>the settings copy</source>
        <translation>de kopie van de instellingen</translation>
    </message>
    <message>
        <source>Could not write {what} ({path}): the disk is full.</source>
        <translation>Kon {what} ({path}) niet schrijven: de schijf is vol.</translation>
    </message>
    <message>
        <source>Could not write {what} ({path}): this user account may not change it.</source>
        <translation>Kon {what} ({path}) niet schrijven: dit gebruikersaccount mag het niet wijzigen.</translation>
    </message>
    <message>
        <source>Could not write {what} ({path}): {reason}.</source>
        <translation>Kon {what} ({path}) niet schrijven: {reason}.</translation>
    </message>
    <message>
        <source>The database {path} is damaged: SQLite&apos;s check found &apos;{problem}&apos;.</source>
        <translation>De database {path} is beschadigd: de controle van SQLite vond &apos;{problem}&apos;.</translation>
    </message>
    <message>
        <source>The database {path} is damaged: its table(s) {tables} are missing.</source>
        <translation>De database {path} is beschadigd: de tabel(len) {tables} ontbreken.</translation>
    </message>
    <message>
        <source>This installation already has a store named &apos;{name}&apos;. Choose it with --store {name}, or add a store with another name.</source>
        <translation>Deze installatie heeft al een webshop met de naam &apos;{name}&apos;. Kies die met --store {name}, of voeg een webshop met een andere naam toe.</translation>
    </message>
    <message>
        <source>There is no store &apos;{name}&apos;: nothing is set up in this data folder yet.</source>
        <translation>Er is geen webshop &apos;{name}&apos;: in deze gegevensmap is nog niets ingesteld.</translation>
    </message>
    <message>
        <source>There is no store &apos;{name}&apos;. The stores of this installation: {names}.</source>
        <translation>Er is geen webshop &apos;{name}&apos;. De webshops van deze installatie: {names}.</translation>
    </message>
    <message>
        <source>the list of stores</source>
        <translation>de lijst met webshops</translation>
    </message>
    <message>
        <source>press Retry</source>
        <translation>klik op ‘Opnieuw proberen’</translation>
    </message>
    <message>
        <source>country</source>
        <translation>land</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>achternaam</translation>
    </message>
    <message>
        <source>city</source>
        <translation>plaats</translation>
    </message>
    <message>
        <source>Order {number}: line {line} has no price.</source>
        <translation>Bestelling {number}: regel {line} heeft geen prijs.</translation>
    </message>
    <message>
        <source>Order {number} is in {currency}, but the Afosto sales channel uses {channel_currency}. Choose a sales channel in {currency} or handle this order by hand.</source>
        <translation>Bestelling {number} is in {currency}, maar het Afosto-verkoopkanaal gebruikt {channel_currency}. Kies een verkoopkanaal in {currency} of verwerk deze bestelling met de hand.</translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>geen valuta</translation>
    </message>
    <message>
        <source>Order {number} has no product lines.</source>
        <translation>Bestelling {number} heeft geen productregels.</translation>
    </message>
    <message>
        <source>(no SKU, line {line})</source>
        <translation>(geen SKU, regel {line})</translation>
    </message>
    <message>
        <source>billing address</source>
        <translation>factuuradres</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <source>shipping address</source>
        <translation>verzendadres</translation>
    </message>
    <message>
        <source>Order {number} has no units left to import.</source>
        <translation>Bestelling {number} heeft geen stuks meer om over te nemen.</translation>
    </message>
    <message>
        <source>Order {number}: shipment from ePages recorded in Afosto (tracking {code}).</source>
        <translation>Bestelling {number}: verzending uit ePages vastgelegd in Afosto (trackingcode {code}).</translation>
    </message>
    <message>
        <source>Order {number}: delivery from ePages recorded in Afosto.</source>
        <translation>Bestelling {number}: bezorging uit ePages vastgelegd in Afosto.</translation>
    </message>
    <message>
        <source>Order {number}: ready for pickup (from ePages) recorded in Afosto.</source>
        <translation>Bestelling {number}: ‘klaar om af te halen’ (uit ePages) vastgelegd in Afosto.</translation>
    </message>
    <message>
        <source>Order {number}: picked up (from ePages) recorded in Afosto.</source>
        <translation>Bestelling {number}: ‘afgehaald’ (uit ePages) vastgelegd in Afosto.</translation>
    </message>
    <message>
        <source>Orders kept changing in ePages while they were read ({passes} times); the next order check reads them again.</source>
        <translation>Bestellingen bleven in ePages veranderen terwijl ze gelezen werden ({passes} keer); de volgende bestellingscontrole leest ze opnieuw.</translation>
    </message>
    <message>
        <source>Order {number}: the change that was waiting went through.</source>
        <translation>Bestelling {number}: de wachtende wijziging is doorgevoerd.</translation>
    </message>
    <message>
        <source>Order {number}: a change made in ePages could not be applied in Afosto. {problem} {action}</source>
        <translation>Bestelling {number}: een wijziging uit ePages kon niet in Afosto worden doorgevoerd. {problem} {action}</translation>
    </message>
    <message>
        <source>Afosto refused order {number}: {problem}</source>
        <translation>Afosto heeft bestelling {number} geweigerd: {problem}</translation>
    </message>
    <message>
        <source>Order {number} imported into Afosto as {afosto_number} ({lines} lines, {units} units).</source>
        <translation>Bestelling {number} als {afosto_number} in Afosto overgenomen ({lines} regels, {units} stuks).</translation>
    </message>
    <message>
        <source>Afosto refused the lines of order {number}: {problem}</source>
        <translation>Afosto heeft de regels van bestelling {number} geweigerd: {problem}</translation>
    </message>
    <message>
        <source>Order {number}: units shipped in ePages were packed by the warehouse at the same time; they are counted once.</source>
        <translation>Bestelling {number}: in ePages verzonden stuks zijn tegelijk door het magazijn ingepakt; ze tellen maar één keer.</translation>
    </message>
    <message>
        <source>Order {number}: ePages shipped units that are not open in Afosto.</source>
        <translation>Bestelling {number}: ePages heeft stuks verzonden die in Afosto niet openstaan.</translation>
    </message>
    <message>
        <source>order {number}</source>
        <translation>bestelling {number}</translation>
    </message>
    <message>
        <source>Afosto packed these units at the same moment ({problem}); trying again.</source>
        <translation>Afosto heeft deze stuks op hetzelfde moment ingepakt ({problem}); nieuwe poging.</translation>
    </message>
    <message>
        <source>Order {number}: return from ePages recorded in Afosto ({accepted} accepted, {defect} defect).</source>
        <translation>Bestelling {number}: retour uit ePages vastgelegd in Afosto ({accepted} geaccepteerd, {defect} defect).</translation>
    </message>
    <message>
        <source>Order {number}: found the Afosto order {afosto_number} that was being created when the app stopped; it is not created twice.</source>
        <translation>Bestelling {number}: Afosto-bestelling {afosto_number} gevonden die werd aangemaakt toen de app stopte; ze wordt niet twee keer aangemaakt.</translation>
    </message>
    <message>
        <source>Order {number}: its import was interrupted before Afosto created it; it is imported again.</source>
        <translation>Bestelling {number}: het overnemen werd onderbroken voordat Afosto haar aanmaakte; ze wordt opnieuw overgenomen.</translation>
    </message>
    <message>
        <source>This Afosto account does not take the updated_at filter (an assumption of the sync). Changes made in Afosto are found by re-reading the linked orders instead: slower, but nothing is missed.</source>
        <translation>Dit Afosto-account kent het filter updated_at niet (een aanname van de synchronisatie). Wijzigingen in Afosto worden in plaats daarvan gevonden door de gekoppelde bestellingen opnieuw te lezen: trager, maar er gaat niets verloren.</translation>
    </message>
    <message>
        <source>Order {number}: {problem}</source>
        <translation>Bestelling {number}: {problem}</translation>
    </message>
    <message>
        <source>Order {number}: {problem}; trying again in {seconds} s.</source>
        <translation>Bestelling {number}: {problem}; nieuwe poging over {seconds} s.</translation>
    </message>
    <message>
        <source>Afosto parcel {parcel} no longer exists.</source>
        <translation>Afosto-pakket {parcel} bestaat niet meer.</translation>
    </message>
    <message>
        <source>parcel {parcel}</source>
        <translation>pakket {parcel}</translation>
    </message>
    <message>
        <source>ePages {what} process {process} no longer exists.</source>
        <translation>Het ePages-proces {process} ({what}) bestaat niet meer.</translation>
    </message>
    <message>
        <source>shipping</source>
        <translation>verzending</translation>
    </message>
    <message>
        <source>Order {number}: shipped in ePages ({units} units, tracking {code}).</source>
        <translation>Bestelling {number}: verzonden in ePages ({units} stuks, trackingcode {code}).</translation>
    </message>
    <message>
        <source>The other units of this parcel were shipped in ePages already.</source>
        <translation>De overige stuks van dit pakket waren in ePages al verzonden.</translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation>Bezorgd.</translation>
    </message>
    <message>
        <source>The shipment of this parcel is not known in ePages yet.</source>
        <translation>De verzending van dit pakket is nog niet bekend in ePages.</translation>
    </message>
    <message>
        <source>Order {number}: marked delivered in ePages.</source>
        <translation>Bestelling {number}: in ePages als bezorgd gemarkeerd.</translation>
    </message>
    <message>
        <source>pickup</source>
        <translation>afhalen</translation>
    </message>
    <message>
        <source>Order {number}: ready for pickup in ePages.</source>
        <translation>Bestelling {number}: klaar om af te halen in ePages.</translation>
    </message>
    <message>
        <source>Picked up.</source>
        <translation>Afgehaald.</translation>
    </message>
    <message>
        <source>The pickup of this parcel is not known in ePages yet.</source>
        <translation>Het afhalen van dit pakket is nog niet bekend in ePages.</translation>
    </message>
    <message>
        <source>Order {number}: marked picked up in ePages.</source>
        <translation>Bestelling {number}: in ePages als afgehaald gemarkeerd.</translation>
    </message>
    <message>
        <source>Order {number}: cancelled in ePages (all units cancelled in Afosto).</source>
        <translation>Bestelling {number}: geannuleerd in ePages (alle stuks geannuleerd in Afosto).</translation>
    </message>
    <message>
        <source>Order {number}: cancellation was already in ePages.</source>
        <translation>Bestelling {number}: de annulering stond al in ePages.</translation>
    </message>
    <message>
        <source>Order {number}: return recorded in ePages ({good} returned, {bad} defect).</source>
        <translation>Bestelling {number}: retour vastgelegd in ePages ({good} teruggestuurd, {bad} defect).</translation>
    </message>
    <message>
        <source>Order {number}: return was already in ePages.</source>
        <translation>Bestelling {number}: de retour stond al in ePages.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellingen</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Annuleringen</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Stock levels</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>The sync</source>
        <translation>De synchronisatie</translation>
    </message>
    <message>
        <source>{title}: {message} {action}</source>
        <translation>{title}: {message} {action}</translation>
    </message>
    <message>
        <source>switched off in the settings</source>
        <translation>uitgeschakeld in de instellingen</translation>
    </message>
    <message>
        <source>{n} item(s) need a person: see the log&apos;s &apos;needs attention&apos; rows.</source>
        <translation>Items die op actie wachten: {n}. Zie de regels ‘Actie nodig’ in het logboek.</translation>
    </message>
    <message>
        <source>The sync is stopped.</source>
        <translation>De synchronisatie is gestopt.</translation>
    </message>
    <message>
        <source>Connecting to ePages and Afosto...</source>
        <translation>Verbinden met ePages en Afosto…</translation>
    </message>
    <message>
        <source>The sync is running.</source>
        <translation>De synchronisatie is actief.</translation>
    </message>
    <message>
        <source>The sync is paused.</source>
        <translation>De synchronisatie is gepauzeerd.</translation>
    </message>
    <message>
        <source>Something needs a person.</source>
        <translation>Er wacht iets op actie.</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Wordt gestopt…</translation>
    </message>
    <message>
        <source>Afosto has no sales channel {channel}.</source>
        <translation>Afosto heeft geen verkoopkanaal {channel}.</translation>
    </message>
    <message>
        <source>Sales channel not found</source>
        <translation>Verkoopkanaal niet gevonden</translation>
    </message>
    <message>
        <source>Order {number} has no {address}. Add it in the ePages cockpit, then {retry}.</source>
        <translation>Bestelling {number} heeft geen {address}. Voeg het toe in de ePages-cockpit en {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: the {address} has no {missing}. Complete the address in the ePages cockpit, then {retry}.</source>
        <translation>Bestelling {number}: in het {address} ontbreekt: {missing}. Vul het adres aan in de ePages-cockpit en {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: SKU {skus} is unknown in Afosto. Create the product in Afosto with exactly this SKU (or correct the SKU in ePages), then {retry}.</source>
        <translation>Bestelling {number}: SKU {skus} is onbekend in Afosto. Maak het product in Afosto aan met precies deze SKU (of corrigeer de SKU in ePages) en {retry}.</translation>
    </message>
    <message>
        <source>Order {number} is a pickup at ePages location {location}, which is not mapped to an Afosto location. Map it in Settings &gt; Locations, then {retry}.</source>
        <translation>Bestelling {number} wordt afgehaald op ePages-locatie {location}, die niet aan een Afosto-locatie is gekoppeld. Koppel die onder Instellingen &gt; Locaties en {retry}.</translation>
    </message>
    <message>
        <source>Order {number} has no customer e-mail address. Add it in the ePages cockpit, then {retry}.</source>
        <translation>Bestelling {number} heeft geen e-mailadres van de klant. Voeg het toe in de ePages-cockpit en {retry}.</translation>
    </message>
    <message>
        <source>Order {number}: 1 unit cancelled in Afosto ({skus}), as in ePages.</source>
        <translation>Bestelling {number}: 1 stuk geannuleerd in Afosto ({skus}), zoals in ePages.</translation>
    </message>
    <message>
        <source>Order {number}: {units} units cancelled in Afosto ({skus}), as in ePages.</source>
        <translation>Bestelling {number}: {units} stuks geannuleerd in Afosto ({skus}), zoals in ePages.</translation>
    </message>
    <message>
        <source>Try the preview again in a moment.</source>
        <translation>Probeer het voorbeeld zo nog eens.</translation>
    </message>
    <message>
        <source>Order {number}: 1 unit cancelled in ePages, as in Afosto.</source>
        <translation>Bestelling {number}: 1 stuk geannuleerd in ePages, zoals in Afosto.</translation>
    </message>
    <message>
        <source>Order {number}: {units} units cancelled in ePages, as in Afosto.</source>
        <translation>Bestelling {number}: {units} stuks geannuleerd in ePages, zoals in Afosto.</translation>
    </message>
    <message>
        <source>Choose the sales channel again in Settings &gt; Afosto.</source>
        <translation>Kies het verkoopkanaal opnieuw onder Instellingen &gt; Afosto.</translation>
    </message>
    <message>
        <source>permission missing in ePages: {scopes}</source>
        <translation>recht ontbreekt in ePages: {scopes}</translation>
    </message>
    <message>
        <source>{flow}: not synced, {reason}. Tick it in the ePages cockpit (Apps &gt; Eigene Apps), save, then reconnect.</source>
        <translation>{flow}: niet gesynchroniseerd, {reason}. Vink het aan in de ePages-cockpit (Apps &gt; Eigene Apps), klik op Speichern en verbind dan opnieuw.</translation>
    </message>
    <message>
        <source>Could not connect: {problem}</source>
        <translation>Kon geen verbinding maken: {problem}</translation>
    </message>
    <message>
        <source>Sync started: {flows}.</source>
        <translation>Synchronisatie gestart: {flows}.</translation>
    </message>
    <message>
        <source>no flow can run</source>
        <translation>geen enkel onderdeel kan draaien</translation>
    </message>
    <message>
        <source>Sync stopped.</source>
        <translation>Synchronisatie gestopt.</translation>
    </message>
    <message>
        <source>Sync paused until {time}.</source>
        <translation>Synchronisatie gepauzeerd tot {time}.</translation>
    </message>
    <message>
        <source>Sync paused until resumed.</source>
        <translation>Synchronisatie gepauzeerd tot hervatten.</translation>
    </message>
    <message>
        <source>Sync resumed.</source>
        <translation>Synchronisatie hervat.</translation>
    </message>
    <message>
        <source>{problem} Next try in {seconds} s.</source>
        <translation>{problem} Volgende poging over {seconds} s.</translation>
    </message>
    <message>
        <source>{about}: {problem}</source>
        <translation>{about}: {problem}</translation>
    </message>
    <message>
        <source>a background task ({name}) stopped: {error}. Restart the sync.</source>
        <translation>een achtergrondtaak ({name}) is gestopt: {error}. Start de synchronisatie opnieuw.</translation>
    </message>
    <message>
        <source>Internal error in {name}: {error}. The sync of this part stopped; restart the app and send the log to support.</source>
        <translation>Interne fout in {name}: {error}. De synchronisatie van dit deel is gestopt; start de app opnieuw en stuur het logboek naar support.</translation>
    </message>
    <message>
        <source>Retry asked for: {reference}.</source>
        <translation>Nieuwe poging gevraagd: {reference}.</translation>
    </message>
    <message>
        <source>Dismissed parked item {id}.</source>
        <translation>Wachtend item {id} genegeerd.</translation>
    </message>
    <message>
        <source>Dismissed {n} parked items.</source>
        <translation>{n} wachtende items genegeerd.</translation>
    </message>
    <message>
        <source>{shown} and {more} more</source>
        <translation>{shown} en nog {more}</translation>
    </message>
    <message>
        <source>unknown in Afosto: {skus}</source>
        <translation>onbekend in Afosto: {skus}</translation>
    </message>
    <message>
        <source>used by more than one ePages product: {skus}</source>
        <translation>door meer dan één ePages-product gebruikt: {skus}</translation>
    </message>
    <message>
        <source>stock management off in ePages: {skus}</source>
        <translation>voorraadbeheer uit in ePages: {skus}</translation>
    </message>
    <message>
        <source>Stock is not synced for these SKUs ({reasons}). Correct them if they should be synced.</source>
        <translation>De voorraad van deze SKU&apos;s wordt niet gesynchroniseerd ({reasons}). Corrigeer ze als ze wel gesynchroniseerd moeten worden.</translation>
    </message>
    <message>
        <source>ePages orders</source>
        <translation>ePages-bestellingen</translation>
    </message>
    <message>
        <source>{products} and {more} more</source>
        <translation>{products} en nog {more}</translation>
    </message>
    <message>
        <source>Stock of {sku} could not be set in ePages: {problem}</source>
        <translation>Voorraad van {sku} kon niet worden ingesteld in ePages: {problem}</translation>
    </message>
    <message>
        <source>Stock of {sku} set to {target} in ePages (was {figure}).</source>
        <translation>Voorraad van {sku} in ePages op {target} gezet (was {figure}).</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, send the log to support.</source>
        <translation>Probeer het opnieuw. Als het blijft gebeuren, stuur dan het logboek naar support.</translation>
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
        <translation>Ongeldige instelling</translation>
    </message>
    <message>
        <source>Correct the value and save again.</source>
        <translation>Corrigeer de waarde en sla opnieuw op.</translation>
    </message>
    <message>
        <source>No secure password store</source>
        <translation>Geen veilige wachtwoordopslag</translation>
    </message>
    <message>
        <source>This computer has no secure password store (keyring). Install or unlock one (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet), then start again. Secrets are never written to a plain file.</source>
        <translation>Deze computer heeft geen veilige wachtwoordopslag (keyring). Installeer of ontgrendel er een (Windows Referentiebeheer, macOS-sleutelhanger, GNOME Keyring of KWallet) en start dan opnieuw. Geheimen worden nooit in een gewoon bestand geschreven.</translation>
    </message>
    <message>
        <source>Already running</source>
        <translation>Draait al</translation>
    </message>
    <message>
        <source>Another copy of epages-sync is already using this data folder. Use that window, or close it first.</source>
        <translation>Een ander exemplaar van epages-sync gebruikt deze gegevensmap al. Gebruik dat venster, of sluit het eerst.</translation>
    </message>
    <message>
        <source>Credentials refused</source>
        <translation>Inloggegevens geweigerd</translation>
    </message>
    <message>
        <source>Check the client id and secret (or API key) and enter them again.</source>
        <translation>Controleer de client-id en het secret (of de API-sleutel) en vul ze opnieuw in.</translation>
    </message>
    <message>
        <source>App revoked</source>
        <translation>App ingetrokken</translation>
    </message>
    <message>
        <source>The app was removed or revoked in the ePages cockpit. Create it again and enter the new credentials.</source>
        <translation>De app is in de ePages-cockpit verwijderd of ingetrokken. Maak hem opnieuw aan en vul de nieuwe inloggegevens in.</translation>
    </message>
    <message>
        <source>Store not found</source>
        <translation>Webshop niet gevonden</translation>
    </message>
    <message>
        <source>Check the store name: it is the part before .beyondshop.cloud in your cockpit address.</source>
        <translation>Controleer de naam van de webshop: dat is het deel vóór .beyondshop.cloud in het adres van je cockpit.</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Geen verbinding</translation>
    </message>
    <message>
        <source>Stock push held: {count} products would lose more than {share} % of their stock at once ({shown}). Check the Afosto locations that feed the shop; if the figures are right, {retry} to send them.</source>
        <translation>Voorraadupdate tegengehouden: {count} producten zouden in één keer meer dan {share} % van hun voorraad verliezen ({shown}). Controleer de Afosto-locaties die de voorraad voor de webshop leveren; als de cijfers kloppen, {retry} om ze te versturen.</translation>
    </message>
    <message>
        <source>Check the internet connection of this computer. The sync retries on its own.</source>
        <translation>Controleer de internetverbinding van deze computer. De synchronisatie probeert het vanzelf opnieuw.</translation>
    </message>
    <message>
        <source>Certificate problem</source>
        <translation>Probleem met certificaat</translation>
    </message>
    <message>
        <source>The secure connection could not be verified. Check the computer&apos;s date and time, and any proxy or antivirus that inspects HTTPS traffic.</source>
        <translation>De beveiligde verbinding kon niet worden gecontroleerd. Controleer de datum en tijd van de computer, en een eventuele proxy of virusscanner die HTTPS-verkeer inspecteert.</translation>
    </message>
    <message>
        <source>Permission missing</source>
        <translation>Recht ontbreekt</translation>
    </message>
    <message>
        <source>Tick the named permission in the ePages cockpit (Apps &gt; Eigene Apps &gt; your app), save, then reconnect.</source>
        <translation>Vink het genoemde recht aan in de ePages-cockpit (Apps &gt; Eigene Apps &gt; je app), klik op Speichern en verbind dan opnieuw.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <source>The item no longer exists on the other side. Check it there, then retry or dismiss.</source>
        <translation>Dit bestaat niet meer aan de andere kant. Controleer het daar en kies dan ‘Opnieuw proberen’ of ‘Negeren’.</translation>
    </message>
    <message>
        <source>Rejected as invalid</source>
        <translation>Geweigerd als ongeldig</translation>
    </message>
    <message>
        <source>Correct the named field at the source, then retry.</source>
        <translation>Corrigeer het genoemde veld bij de bron en kies dan ‘Opnieuw proberen’.</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Te veel verzoeken</translation>
    </message>
    <message>
        <source>The service asked us to slow down. The sync waits and continues on its own.</source>
        <translation>De dienst heeft gevraagd minder verzoeken te sturen. De synchronisatie wacht en gaat vanzelf verder.</translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation>Dienst niet beschikbaar</translation>
    </message>
    <message>
        <source>The service does not answer properly right now. The sync retries on its own later.</source>
        <translation>De dienst antwoordt op dit moment niet goed. De synchronisatie probeert het later vanzelf opnieuw.</translation>
    </message>
    <message>
        <source>Changed at the same time</source>
        <translation>Tegelijk gewijzigd</translation>
    </message>
    <message>
        <source>The item was changed elsewhere at the same moment. The sync reads it again and retries.</source>
        <translation>Dit is op hetzelfde moment elders gewijzigd. De synchronisatie leest het opnieuw en probeert het nog eens.</translation>
    </message>
    <message>
        <source>Refused by the shop</source>
        <translation>Geweigerd door de webshop</translation>
    </message>
    <message>
        <source>Look at the order in both systems; retry after correcting it, or dismiss.</source>
        <translation>Bekijk de bestelling in beide systemen; kies na het corrigeren ‘Opnieuw proberen’, of anders ‘Negeren’.</translation>
    </message>
    <message>
        <source>No secure password store was found on this computer (keyring backend: {backend}). The secrets were not saved.</source>
        <translation>Er is op deze computer geen veilige wachtwoordopslag gevonden (keyring-backend: {backend}). De geheimen zijn niet opgeslagen.</translation>
    </message>
</context>
</TS>
