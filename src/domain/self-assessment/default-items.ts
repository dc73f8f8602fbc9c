import type { InstrumentItem } from './self-assessment';

/**
 * The default questionnaire every provider starts with (no database seeding: a provider's
 * instrument is these items until its admin first saves a change, which copies them).
 *
 * Our own items on the three behaviour dimensions of the seed's leadership model, following the
 * research base (Yukl's task-, relations- and change-oriented behaviours; Ekvall & Arvonen's
 * production–employee–change model) without copying any licensed instrument. Each item has a
 * "self" wording (the leader about themself) and an "employee" wording (an employee about their
 * leader), in bokmål, nynorsk and English. Ids are stable: answers are keyed by them.
 */
export const DEFAULT_ITEMS: readonly InstrumentItem[] = [
  // Task / structure (oppgaveorientert)
  item('default-task-1', 'task', [
    'Jeg gjør det tydelig hva som forventes av hver enkelt medarbeider.',
    'Eg gjer det tydeleg kva som er venta av kvar einskild medarbeidar.',
    'I make it clear what is expected of each employee.',
    'Lederen min gjør det tydelig hva som forventes av meg.',
    'Leiaren min gjer det tydeleg kva som er venta av meg.',
    'My leader makes it clear what is expected of me.',
  ]),
  item('default-task-2', 'task', [
    'Jeg planlegger arbeidet slik at oppgaver og ressurser henger sammen.',
    'Eg planlegg arbeidet slik at oppgåver og ressursar heng saman.',
    'I plan the work so that tasks and resources fit together.',
    'Lederen min planlegger arbeidet slik at oppgaver og ressurser henger sammen.',
    'Leiaren min planlegg arbeidet slik at oppgåver og ressursar heng saman.',
    'My leader plans the work so that tasks and resources fit together.',
  ]),
  item('default-task-3', 'task', [
    'Jeg følger opp at vi når målene vi har satt oss.',
    'Eg følgjer opp at vi når måla vi har sett oss.',
    'I follow up that we reach the goals we have set.',
    'Lederen min følger opp at vi når målene vi har satt oss.',
    'Leiaren min følgjer opp at vi når måla vi har sett oss.',
    'My leader follows up that we reach the goals we have set.',
  ]),
  item('default-task-4', 'task', [
    'Jeg sørger for at rutiner og ansvarsfordeling er kjent for alle.',
    'Eg syter for at rutinar og ansvarsdeling er kjende for alle.',
    'I make sure routines and responsibilities are known to everyone.',
    'Lederen min sørger for at rutiner og ansvarsfordeling er kjent for alle.',
    'Leiaren min syter for at rutinar og ansvarsdeling er kjende for alle.',
    'My leader makes sure routines and responsibilities are known to everyone.',
  ]),
  item('default-task-5', 'task', [
    'Jeg tar tak i problemer i driften før de vokser seg store.',
    'Eg tek tak i problem i drifta før dei veks seg store.',
    'I deal with operational problems before they grow large.',
    'Lederen min tar tak i problemer i driften før de vokser seg store.',
    'Leiaren min tek tak i problem i drifta før dei veks seg store.',
    'My leader deals with operational problems before they grow large.',
  ]),
  // Change / development (endringsorientert)
  item('default-change-1', 'change', [
    'Jeg forklarer hvorfor endringer er nødvendige.',
    'Eg forklarar kvifor endringar er naudsynte.',
    'I explain why changes are needed.',
    'Lederen min forklarer hvorfor endringer er nødvendige.',
    'Leiaren min forklarar kvifor endringar er naudsynte.',
    'My leader explains why changes are needed.',
  ]),
  item('default-change-2', 'change', [
    'Jeg oppmuntrer medarbeiderne til å prøve nye måter å jobbe på.',
    'Eg oppmodar medarbeidarane til å prøve nye måtar å arbeide på.',
    'I encourage employees to try new ways of working.',
    'Lederen min oppmuntrer oss til å prøve nye måter å jobbe på.',
    'Leiaren min oppmodar oss til å prøve nye måtar å arbeide på.',
    'My leader encourages us to try new ways of working.',
  ]),
  item('default-change-3', 'change', [
    'Jeg holder meg orientert om hva som skjer utenfor enheten, og bruker det i vår utvikling.',
    'Eg held meg orientert om kva som skjer utanfor eininga, og nyttar det i utviklinga vår.',
    'I keep informed about what happens outside the unit and use it in our development.',
    'Lederen min holder seg orientert om hva som skjer utenfor enheten, og bruker det i vår utvikling.',
    'Leiaren min held seg orientert om kva som skjer utanfor eininga, og nyttar det i utviklinga vår.',
    'My leader keeps informed about what happens outside the unit and uses it in our development.',
  ]),
  item('default-change-4', 'change', [
    'Jeg formidler et tydelig bilde av hvor vi skal på sikt.',
    'Eg formidlar eit tydeleg bilete av kvar vi skal på sikt.',
    'I convey a clear picture of where we are heading in the longer term.',
    'Lederen min formidler et tydelig bilde av hvor vi skal på sikt.',
    'Leiaren min formidlar eit tydeleg bilete av kvar vi skal på sikt.',
    'My leader conveys a clear picture of where we are heading in the longer term.',
  ]),
  item('default-change-5', 'change', [
    'Jeg tar initiativ til å forbedre tjenestene våre sammen med medarbeiderne.',
    'Eg tek initiativ til å betre tenestene våre saman med medarbeidarane.',
    'I take the initiative to improve our services together with the employees.',
    'Lederen min tar initiativ til å forbedre tjenestene våre sammen med oss.',
    'Leiaren min tek initiativ til å betre tenestene våre saman med oss.',
    'My leader takes the initiative to improve our services together with us.',
  ]),
  // Relations (relasjonsorientert)
  item('default-relations-1', 'relations', [
    'Jeg viser at jeg bryr meg om hvordan medarbeiderne har det.',
    'Eg viser at eg bryr meg om korleis medarbeidarane har det.',
    'I show that I care about how the employees are doing.',
    'Lederen min viser at hen bryr seg om hvordan jeg har det.',
    'Leiaren min viser at hen bryr seg om korleis eg har det.',
    'My leader shows that they care about how I am doing.',
  ]),
  item('default-relations-2', 'relations', [
    'Jeg gir anerkjennelse for godt arbeid.',
    'Eg gjev anerkjenning for godt arbeid.',
    'I give recognition for good work.',
    'Lederen min gir anerkjennelse for godt arbeid.',
    'Leiaren min gjev anerkjenning for godt arbeid.',
    'My leader gives recognition for good work.',
  ]),
  item('default-relations-3', 'relations', [
    'Jeg lytter til medarbeidernes synspunkter før jeg bestemmer meg.',
    'Eg lyttar til synspunkta til medarbeidarane før eg bestemmer meg.',
    'I listen to employees’ views before I decide.',
    'Lederen min lytter til mine synspunkter før hen bestemmer seg.',
    'Leiaren min lyttar til synspunkta mine før hen bestemmer seg.',
    'My leader listens to my views before deciding.',
  ]),
  item('default-relations-4', 'relations', [
    'Jeg gir medarbeiderne tillit og handlingsrom i eget arbeid.',
    'Eg gjev medarbeidarane tillit og handlingsrom i eige arbeid.',
    'I give employees trust and room to act in their own work.',
    'Lederen min gir meg tillit og handlingsrom i eget arbeid.',
    'Leiaren min gjev meg tillit og handlingsrom i eige arbeid.',
    'My leader gives me trust and room to act in my own work.',
  ]),
  item('default-relations-5', 'relations', [
    'Jeg støtter medarbeiderne i å utvikle seg faglig og personlig.',
    'Eg støttar medarbeidarane i å utvikle seg fagleg og personleg.',
    'I support employees in developing professionally and personally.',
    'Lederen min støtter meg i å utvikle meg faglig og personlig.',
    'Leiaren min støttar meg i å utvikle meg fagleg og personleg.',
    'My leader supports me in developing professionally and personally.',
  ]),
];

function item(
  id: string,
  dimension: InstrumentItem['dimension'],
  [sNb, sNn, sEn, eNb, eNn, eEn]: readonly [string, string, string, string, string, string],
): InstrumentItem {
  return {
    id,
    dimension,
    active: true,
    self: { nb: sNb, nn: sNn, en: sEn },
    employee: { nb: eNb, nn: eNn, en: eEn },
  };
}
