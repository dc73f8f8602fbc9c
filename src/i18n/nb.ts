/**
 * Bokmål: the source catalog. Its shape is the `Catalog` type that nynorsk and English must match
 * key for key, so a missing translation is a type error, not a blank on screen.
 *
 * Interpolation uses i18next syntax: `{{name}}`. The server uses the `email` section for e-mails.
 */
export const nb = {
  app: {
    name: 'Lederprogram',
    documentTitle: '{{page}} – Lederprogram',
  },
  common: {
    dateAtTime: '{{date}} kl. {{time}}',
    range: '{{from}} – {{to}}',
    loading: 'Laster inn …',
    retry: 'Prøv igjen',
    notSet: 'Ikke satt',
    backToProgramme: 'Tilbake til programmet',
    goToLogin: 'Gå til innlogging',
    comingSoon: 'Kommer snart',
  },
  layout: {
    skipToContent: 'Hopp til hovedinnholdet',
    mainNav: 'Hovedmeny',
    breadcrumbs: 'Du er her',
    myProgrammes: 'Mine program',
    programmeHome: 'Programoversikt',
    currentProgramme: 'Program',
    signedInAs: 'Logget inn som',
    logout: 'Logg ut',
    loggingOut: 'Logger ut …',
    footer: 'Lederprogram – lederutvikling for kommuner',
  },
  language: {
    label: 'Språk',
    choose: 'Velg språk',
    changeFailed: 'Vi klarte ikke å lagre språkvalget. Prøv igjen.',
    names: {
      nb: 'Bokmål',
      nn: 'Nynorsk',
      en: 'English',
    },
  },
  roles: {
    provider_admin: 'Administrator (leverandør)',
    advisor: 'Rådgiver',
    client_admin: 'Kontaktperson i kommunen',
    participant: 'Deltaker',
  },
  levels: {
    kommunalsjef: 'Kommunalsjef',
    okonomisjef: 'Økonomisjef',
    enhetsleder: 'Enhetsleder',
    avdelingsleder: 'Avdelingsleder',
    other: 'Annet',
  },
  agendaKinds: {
    talk: 'Faglig innlegg',
    reflection: 'Refleksjonsstopp',
    individual_work: 'Individuelt arbeid',
    group_work: 'Gruppearbeid',
    platform_work: 'Arbeid med lederplattformen',
    other: 'Annet',
  },
  gatheringFormats: {
    full_day: 'Heldagssamling',
    lunch_to_lunch: 'Lunsj til lunsj',
  },
  programmeStatus: {
    draft: 'Utkast',
    active: 'Pågår',
    completed: 'Avsluttet',
  },
  parts: {
    quote: {
      name: 'Tilbud og budsjett',
      description: 'Pris for samlinger, nettverksmøter og veiledning, med mva. vist for seg.',
      future:
        'Her skal leverandøren regne ut tilbudet fra programmets oppbygning – samlinger, nettverksmøter, oppfølging og veiledning – med mva. for seg, skrive det ut som PDF og senere følge forbruket mot budsjettet.',
    },
    participants: {
      name: 'Deltakere',
      description: 'Lederne i programmet med stilling, nivå, sektor og enhet.',
      future: 'Her skal kommunen kunne importere deltakerne fra CSV eller Excel og endre dem i tjenesten.',
    },
    groups: {
      name: 'Nettverksgrupper',
      description: 'Tverrfaglige grupper på 5–6 ledere som møtes mellom samlingene.',
      future:
        'Her skal lederne deles inn i tverrfaglige nettverksgrupper på 5–6 personer på tvers av sektor og nivå, med en møteplan for hele året som passer kommunens årshjul.',
    },
    plan: {
      name: 'Årsplan',
      description: 'Alle samlinger, nettverksmøter og veiledninger i én kalender.',
      future:
        'Her skal alle hendelser i programmet samles i én kalender, med kommunens årshjul, helligdager og skoleferier, og med varsel om alle kollisjoner.',
    },
    gatherings: {
      name: 'Samlinger',
      description: 'Tema, dato, sted, rådgivere og program for hver samling.',
      future:
        'Her skal rådgiverne legge ut materiell, registrere oppmøte og samle inn lederes problemstillinger før hver samling.',
    },
    coaching: {
      name: 'Veiledning',
      description: 'Individuell veiledning på telefon eller Teams.',
      future:
        'Her skal hver leder kunne bestille, flytte og avbestille individuelle veiledningstimer på telefon eller Teams, og rådgiveren skal ha egne, private notater.',
    },
    project: {
      name: 'Utviklingsprosjekt',
      description: 'Ditt eget lederutviklingsprosjekt – «Meg som leder».',
      future:
        'Her skal hver leder sette seg et mål for sitt eget lederutviklingsprosjekt og underveis skrive ned hva som ble prøvd, hva som skjedde og hva som ble lært. Prosjektet er privat, men kan deles med veilederen.',
    },
    platform: {
      name: 'Lederplattform',
      description: 'Den felles lederplattformen som lages gjennom samlingene.',
      future:
        'Her skal lederne sammen foreslå, kommentere, stemme over og revidere ledelsesprinsippene gjennom samlingene, til en felles lederplattform som kommunen beholder.',
    },
    evaluations: {
      name: 'Evalueringer',
      description: 'Forventninger ved start og evaluering etter hver samling.',
      future:
        'Her skal deltakerne svare anonymt på forventninger ved oppstart og kort evaluering etter hver samling. Resultatene vises bare for grupper som er store nok til å bevare anonymiteten.',
    },
  },
  participantParts: {
    gatherings: 'Mine samlinger',
    groups: 'Min nettverksgruppe',
    project: 'Mitt utviklingsprosjekt',
    coaching: 'Mine veiledningstimer',
  },
  errors: {
    invalid_credentials: 'Feil e-postadresse eller passord.',
    too_many_attempts: 'For mange forsøk. Vent noen minutter og prøv igjen.',
    unauthorized: 'Du er ikke logget inn, eller økten din er utløpt. Logg inn på nytt.',
    forbidden: 'Du har ikke tilgang til dette.',
    not_found: 'Vi fant ikke det du lette etter.',
    validation_failed: 'Noe av det du fylte inn, er ikke gyldig. Se over og prøv igjen.',
    csrf_failed: 'Økten din er utløpt. Last inn siden på nytt og prøv igjen.',
    invalid_token: 'Lenken er ugyldig eller utløpt.',
    conflict: 'Noen andre har endret dette samtidig. Last inn siden på nytt.',
    payload_too_large: 'Det du sendte, er for stort.',
    unsupported_media_type: 'Tjenesten forstod ikke formatet på det som ble sendt.',
    bad_request: 'Forespørselen var ugyldig. Last inn siden på nytt og prøv igjen.',
    service_unavailable: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
    internal: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    network: 'Vi får ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
    unknown: 'Noe gikk galt. Prøv igjen.',
  },
  validation: {
    emailRequired: 'Skriv inn e-postadressen din.',
    emailInvalid: 'Skriv inn en gyldig e-postadresse, for eksempel navn@kommune.no.',
    passwordRequired: 'Skriv inn passordet ditt.',
    passwordTooShort: 'Passordet må ha minst {{min}} tegn.',
    passwordsDiffer: 'Passordene er ikke like.',
  },
  login: {
    title: 'Logg inn',
    intro: 'Logg inn for å se programmet ditt.',
    email: 'E-postadresse',
    password: 'Passord',
    submit: 'Logg inn',
    submitting: 'Logger inn …',
    forgotPassword: 'Glemt passord?',
    loggedOut: 'Du er logget ut.',
  },
  passwordReset: {
    requestTitle: 'Glemt passord',
    requestIntro: 'Skriv inn e-postadressen din, så sender vi deg en lenke for å lage et nytt passord.',
    email: 'E-postadresse',
    requestSubmit: 'Send lenke',
    requestSent:
      'Hvis e-postadressen er registrert hos oss, får du snart en e-post med en lenke. Lenken virker en begrenset tid.',
    confirmTitle: 'Lag nytt passord',
    confirmIntro: 'Velg et nytt passord med minst {{min}} tegn.',
    newPassword: 'Nytt passord',
    repeatPassword: 'Gjenta passordet',
    confirmSubmit: 'Lagre nytt passord',
    confirmed: 'Passordet ditt er endret. Du kan nå logge inn.',
    requestNewLink: 'Be om en ny lenke',
  },
  invitation: {
    title: 'Velkommen til Lederprogram',
    intro: 'Du er invitert til et lederutviklingsprogram. Lag et passord for å ta i bruk kontoen din.',
    password: 'Passord',
    repeatPassword: 'Gjenta passordet',
    submit: 'Lag passord og logg inn',
    invalidLink: 'Invitasjonslenken er ugyldig eller utløpt. Be den som inviterte deg, om en ny invitasjon.',
  },
  home: {
    title: 'Mine program',
    intro: 'Velg programmet du vil åpne.',
    empty: 'Du er ikke med i noe program ennå. Når du blir invitert, dukker programmet opp her.',
    programmeMeta: '{{client}} · {{provider}}',
    yourRoles: 'Din rolle: {{roles}}',
    adminTitle: 'Administrasjon',
    adminIntro: 'Verktøy for {{provider}}.',
    outboxLink: 'E-post-utboks',
    auditLink: 'Revisjonslogg',
  },
  programme: {
    greeting: 'Hei, {{name}}!',
    roleIntro: {
      provider_admin:
        'Som administrator hos leverandøren har du oversikt over tilbud og budsjett, bemanning og framdrift i programmet.',
      advisor:
        'Som rådgiver planlegger og leder du samlingene, fasiliterer nettverksgruppene og gir individuell veiledning.',
      client_admin:
        'Som kontaktperson i kommunen følger du deltakerne, årsplanen og evalueringene av programmet.',
      participant:
        'Her finner du samlingene dine, nettverksgruppen din, ditt eget utviklingsprosjekt og veiledningstimene dine.',
    },
    focusTitle: {
      provider_admin: 'Start her',
      advisor: 'Ditt arbeid som rådgiver',
      client_admin: 'Kommunens oppfølging',
      participant: 'Ditt program',
    },
    otherPartsTitle: 'Andre deler av programmet',
    client: 'Oppdragsgiver',
    provider: 'Leverandør',
    period: 'Periode',
    participants: 'Deltakere',
    gatherings: 'Samlinger',
    advisors: 'Rådgivere',
    nextGathering: 'Neste samling',
    nextGatheringValue: 'Samling {{number}}: {{theme}}',
    noNextGathering: 'Ingen flere samlinger er planlagt.',
    dateNotSet: 'Dato er ikke satt',
  },
  participants: {
    title: 'Deltakere',
    intro: 'Lederne som er med i programmet.',
    caption: 'Deltakere i {{programme}} ({{count}})',
    name: 'Navn',
    jobTitle: 'Stilling',
    level: 'Nivå',
    sector: 'Sektor',
    unit: 'Enhet',
    reportsTo: 'Nærmeste leder',
    inactive: 'Ikke aktiv',
    empty: 'Ingen deltakere er lagt inn ennå.',
    invite: {
      heading: 'Inviter en person',
      intro: 'Personen får en e-post med en lenke for å lage passord og logge inn.',
      name: 'Fullt navn',
      email: 'E-postadresse',
      role: 'Rolle',
      submit: 'Send invitasjon',
      submitting: 'Sender …',
      sent: 'Vi har sendt en invitasjon på e-post til {{email}}.',
      alreadyMember:
        '{{email}} har allerede rollen «{{role}}» i programmet. Vi har sendt en ny e-post med lenken.',
      openOutbox: 'Se e-posten i utboksen',
      forbidden: 'Du kan ikke invitere noen med denne rollen.',
      nameRequired: 'Skriv inn navnet på personen.',
      nameTooLong: 'Navnet kan ha høyst {{max}} tegn.',
      emailRequired: 'Skriv inn e-postadressen til personen.',
      roleHelp: {
        provider_admin: 'Full tilgang til alle programmene hos leverandøren.',
        advisor: 'Leder samlinger og nettverksgrupper og gir veiledning i dette programmet.',
        client_admin: 'Følger deltakerne, årsplanen og evalueringene for kommunen.',
        participant: 'Leder som er med i programmet.',
      },
    },
  },
  gatherings: {
    title: 'Samlinger',
    intro: 'Samlingene i programmet med tid, sted, rådgivere og program.',
    heading: 'Samling {{number}}: {{theme}}',
    when: 'Tid',
    venue: 'Sted',
    advisors: 'Rådgivere',
    goal: 'Mål',
    agenda: 'Program',
    timeRange: '{{date}}, kl. {{from}}–{{to}}',
    notScheduled: 'Tid er ikke satt ennå',
    venueNotSet: 'Sted er ikke bestemt ennå',
    noAdvisors: 'Ingen rådgivere er satt opp ennå',
    noAgenda: 'Programmet er ikke klart ennå.',
    empty: 'Ingen samlinger er lagt inn ennå.',
  },
  comingSoon: {
    lead: 'Denne delen av programmet er under arbeid.',
  },
  admin: {
    outboxTitle: 'E-post-utboks',
    outboxIntro: 'E-poster som tjenesten har sendt eller skal sende for {{provider}}.',
    outboxDevMode:
      'Utviklingsmodus: ingen e-posttjener er satt opp, så e-postene blir liggende her. Du kan lese innholdet og følge lenkene.',
    outboxEmpty: 'Utboksen er tom.',
    outboxCaption: 'E-poster ({{count}})',
    created: 'Opprettet',
    to: 'Til',
    subject: 'Emne',
    kind: 'Type',
    status: 'Status',
    attempts: 'Forsøk',
    sent: 'Sendt',
    showBody: 'Vis innholdet',
    lastError: 'Siste feil',
    outboxStatus: {
      pending: 'Venter',
      sending: 'Sendes',
      sent: 'Sendt',
      failed: 'Feilet',
    },
    auditTitle: 'Revisjonslogg',
    auditIntro: 'Hvem gjorde hva, og når, hos {{provider}}.',
    auditEmpty: 'Loggen er tom.',
    auditCaption: 'Hendelser ({{count}})',
    at: 'Tidspunkt',
    actor: 'Utført av',
    action: 'Handling',
    resource: 'Objekt',
    ip: 'IP-adresse',
    system: 'Systemet',
  },
  quote: {
    title: 'Pristilbud',
    ratesOn: 'Priser per {{date}}. Alle beløp er eks. mva. der ikke annet står.',
    columns: {
      activity: 'Aktivitet',
      calculation: 'Beregning',
      amount: 'Pris eks. mva.',
    },
    lines: {
      gatherings: 'Ledersamlinger',
      networkGroups: 'Nettverksgruppemøter med veiledning',
      evaluation: 'Evaluering og oppfølging etter programmet',
      coaching: 'Individuell lederveiledning',
      travel: 'Reise og diett etter statens satser (anslag)',
    },
    calculation: {
      gatherings: '{{gatherings}} × {{advisors}} × {{dayRate}}',
      networkGroups: '{{groups}} × {{meetings}}, {{perDay}} per dag = {{days}} × {{dayRate}}',
      evaluation: 'Fast pris',
      coaching: '{{leaders}} × {{sessions}} × {{duration}} = {{hours}} × {{hourlyRate}}',
      travel: '{{trips}} × ({{km}} × {{perKm}} + {{travellers}} × {{perDiem}})',
      travelWithoutPerDiem: '{{trips}} × {{km}} × {{perKm}}',
    },
    units: {
      gathering: { one: 'samling', other: 'samlinger' },
      advisor: { one: 'rådgiver', other: 'rådgivere' },
      group: { one: 'gruppe', other: 'grupper' },
      meeting: { one: 'møte', other: 'møter' },
      advisorDay: { one: 'dagsverk', other: 'dagsverk' },
      leader: { one: 'leder', other: 'ledere' },
      session: { one: 'samtale', other: 'samtaler' },
      hour: { one: 't', other: 't' },
      trip: { one: 'reise', other: 'reiser' },
      traveller: { one: 'reisende', other: 'reisende' },
      km: { one: 'km', other: 'km' },
    },
    perDiemKinds: {
      day6to12h: 'dagsreise 6–12 timer',
      dayOver12h: 'dagsreise over 12 timer',
      overnight: 'reise med overnatting',
      none: 'uten diett',
    },
    totalExVat: 'Sum eks. mva.',
    vat: 'Mva. {{rate}}',
    vatOnBase: 'Mva. {{rate}} av {{base}}',
    totalIncVat: 'Sum inkl. mva.',
    optionalHeading: 'Kommer i tillegg (ikke med i summen)',
    coachingHourlyRate: 'Timepris for individuell veiledning',
    ou: {
      heading: 'Forventet tilskudd fra KS (OU-midler)',
      capped: '{{days}} × {{cap}} (tak per dag)',
      notCapped: '{{days}}, under taket',
      cappedFeeBasis: 'Honorargrunnlag etter tak',
      feeGrant: '{{share}} av honorargrunnlaget',
      travel: 'Reise og diett for rådgiverne',
      grant: 'Forventet tilskudd (høyst)',
      note: 'Anslag etter reglene til KS: høyst {{share}} av honorarene, med tak på {{cap}} per rådgiver per dag, pluss rådgivernes reise og opphold. Lønn, lokaler og mat dekkes ikke. Kommunen må søke, og søknaden må være innvilget før programmet starter.',
    },
    notesHeading: 'Merknader',
    diagnostics: {
      perDiemNotPublished:
        'Diettsatsene som gjelder fra {{validFrom}}, er ikke publisert ennå. Anslaget bruker diettsatsene fra {{usedValidFrom}}.',
      perDiemMissing: 'Ingen diettsats er lagt inn. Anslaget tar bare med kilometergodtgjørelsen.',
      noStateTravelRates: 'Statens reisesatser er ikke lagt inn, så reise og diett er ikke beregnet.',
      travelRatesNotYetValid:
        'Ingen av statens reisesatser gjelder {{on}}. Anslaget bruker satsene fra {{validFrom}}.',
      networkDayPartlyUsed:
        'Det siste dagsverket med nettverksmøter er ikke fullt: Det er plass til {{unusedMeetings}} til uten ekstra kostnad.',
      rateCardNotYetValid: 'Prislisten gjelder først fra {{validFrom}}, men tilbudet er priset per {{on}}.',
      rateCardDefault:
        'Leverandøren har ikke lagt inn en prisliste. Tilbudet bruker standardprisene fra {{validFrom}}.',
      stateTravelRatesDefault:
        'Statens reisesatser er ikke lagt inn i databasen. Anslaget bruker satsene som følger med Lederprogram.',
      ouEvaluationWithoutDayRate:
        'Nettverksmøtene har ingen dagpris, så evalueringen er regnet som ett dagsverk i OU-anslaget.',
    },
  },
  notFound: {
    title: 'Fant ikke siden',
    body: 'Siden finnes ikke, eller du har ikke tilgang til den.',
    toHome: 'Gå til forsiden',
  },
  email: {
    invitation: {
      subject: 'Invitasjon til {{programme}}',
      body: 'Hei, {{name}}!\n\n{{inviter}} har invitert deg til {{programme}} i Lederprogram.\n\nLag et passord og logg inn med denne lenken:\n{{link}}\n\nLenken virker i {{expiresHours}} timer. Hvis du ikke venter denne invitasjonen, kan du se bort fra e-posten.',
    },
    passwordReset: {
      subject: 'Lag nytt passord i Lederprogram',
      body: 'Hei, {{name}}!\n\nVi har fått en forespørsel om å lage nytt passord for kontoen din i Lederprogram.\n\nLag et nytt passord med denne lenken:\n{{link}}\n\nLenken virker i {{expiresMinutes}} minutter. Hvis det ikke var du som ba om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
    },
    footer: 'Denne e-posten er sendt automatisk fra Lederprogram. Du kan ikke svare på den.',
    kinds: {
      invitation: 'Invitasjon',
      password_reset: 'Nytt passord',
    },
  },
} as const;

/** Replaces every string leaf of a literal type with `string`, keeping the shape. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalog has. `nn` and `en` are typed with it, so the compiler proves completeness. */
export type Catalog = Widen<typeof nb>;
