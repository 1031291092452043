// Facts behind the offline TMDB catalog (data/tmdb/), kept compact here so the
// generated JSON — which is in TMDB's own v3 response shapes — can be rebuilt
// deterministically with `npx tsx scripts/build-tmdb-catalog.ts`.
//
// Real titles use their real TMDB ids, titles, dates and genres; overviews are
// short summaries in our own words; ratings and popularity are plausible, not
// live figures; poster paths are fake. Titles with ids 990001+ are fictional
// edge cases for tests and are marked `_fictional` in the generated data.

/** A run of episodes airing from `start`, one every `cadenceDays` (0 = released together). */
export type AirRun = readonly [start: string, count: number, cadenceDays: number];

export interface SeasonFact {
  /** Defaults to "Season N" ("Specials" for season 0). */
  name?: string;
  /** Real episode names; when absent, `count` episodes get generated names. */
  names?: readonly string[];
  count: number;
  /** Air schedule; null means nothing has a date yet (announced, not aired). */
  airs: readonly AirRun[] | null;
  episodeOverviews?: readonly string[];
}

export interface MovieFact {
  id: number;
  title: string;
  originalTitle?: string;
  language?: string;
  releaseDate: string;
  runtime: number;
  vote: number;
  votes: number;
  popularity: number;
  genres: readonly string[];
  overview: string;
  status?: string;
  fictional?: string;
  /** TMDB leaves `release_date` out altogether (not even ""), as some real search results do. */
  noReleaseDateKey?: boolean;
}

export interface ShowFact {
  id: number;
  name: string;
  originalName?: string;
  language?: string;
  country: string;
  firstAirDate: string;
  status: "Returning Series" | "Ended" | "Canceled" | "In Production" | "Planned";
  type: "Scripted" | "Miniseries";
  vote: number;
  votes: number;
  popularity: number;
  genres: readonly string[];
  overview: string;
  /** Typical episode runtime in minutes; generated episodes vary a little around it. */
  runtime: number;
  seasons: readonly SeasonFact[];
  specials?: SeasonFact;
  /** Generated episode names count across seasons ("Episode 812"), as long-running anime are numbered. */
  absoluteEpisodeNames?: boolean;
  /**
   * TMDB's episode_number itself counts across seasons (season 2 starts at E13, One Piece's
   * season 20 at E892), as TMDB numbers some long anime.
   */
  absoluteNumbering?: boolean;
  /** Episodes carry `crew` and `guest_stars`, as real season responses do (they make one many times larger). */
  episodeCredits?: boolean;
  fictional?: string;
  /**
   * The offline server airs this season on the sandbox clock: `airedAtStart` episodes have aired
   * when it starts, and one more every `everyDays` (so `wait 7d` airs the next of a weekly show).
   * The season's `airs` is null: its dates exist only relative to the clock.
   */
  sandboxAiring?: { season: number; airedAtStart: number; everyDays: number };
}

export interface PersonFact {
  id: number;
  name: string;
  department: string;
  popularity: number;
  birthday: string;
  placeOfBirth: string;
  biography: string;
}

// ---------------------------------------------------------------------------
// Schedule helpers

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function countOf(episodes: number | readonly string[]): { count: number; names?: readonly string[] } {
  return typeof episodes === "number" ? { count: episodes } : { count: episodes.length, names: episodes };
}

/** One episode a week from `start`. */
export function weekly(start: string, episodes: number | readonly string[], extra: Partial<SeasonFact> = {}): SeasonFact {
  const c = countOf(episodes);
  return { ...c, airs: [[start, c.count, 7]], ...extra };
}

/** The whole season released on one day, streaming style. */
export function drop(start: string, episodes: number | readonly string[]): SeasonFact {
  const c = countOf(episodes);
  return { ...c, airs: [[start, c.count, 0]] };
}

/** A season released in several runs (split seasons, batches of episodes). */
export function runs(episodes: number | readonly string[], ...airs: AirRun[]): SeasonFact {
  const c = countOf(episodes);
  const scheduled = airs.reduce((n, run) => n + run[1], 0);
  if (scheduled !== c.count) throw new Error(`schedule covers ${scheduled} episodes, season has ${c.count}`);
  return { ...c, airs };
}

// ---------------------------------------------------------------------------
// Movies

export const MOVIES: readonly MovieFact[] = [
  {
    id: 27205,
    title: "Inception",
    releaseDate: "2010-07-15",
    runtime: 148,
    vote: 8.4,
    votes: 37210,
    popularity: 95.2,
    genres: ["Action", "Science Fiction", "Adventure"],
    overview:
      "A thief who steals secrets from inside people's dreams is offered a way home if he can do the reverse: plant an idea in a powerful heir's mind.",
  },
  {
    id: 155,
    title: "The Dark Knight",
    releaseDate: "2008-07-16",
    runtime: 152,
    vote: 8.5,
    votes: 33480,
    popularity: 110.4,
    genres: ["Drama", "Action", "Crime", "Thriller"],
    overview:
      "Batman, Lieutenant Gordon and District Attorney Harvey Dent push back against Gotham's mobs until a chaotic criminal called the Joker forces each of them to choose what they will sacrifice.",
  },
  {
    id: 157336,
    title: "Interstellar",
    releaseDate: "2014-11-05",
    runtime: 169,
    vote: 8.4,
    votes: 36540,
    popularity: 120.7,
    genres: ["Adventure", "Drama", "Science Fiction"],
    overview:
      "With Earth's crops failing, a former pilot joins a small crew travelling through a wormhole to find humanity a new home, knowing time will run differently for the family he leaves behind.",
  },
  {
    id: 603,
    title: "The Matrix",
    releaseDate: "1999-03-31",
    runtime: 136,
    vote: 8.2,
    votes: 26110,
    popularity: 80.3,
    genres: ["Action", "Science Fiction"],
    overview:
      "A hacker learns that the world he knows is a simulation run by machines, and joins a band of rebels fighting to free the minds still trapped inside it.",
  },
  {
    id: 680,
    title: "Pulp Fiction",
    releaseDate: "1994-09-10",
    runtime: 154,
    vote: 8.5,
    votes: 28320,
    popularity: 75.6,
    genres: ["Thriller", "Crime"],
    overview:
      "Two hitmen, a boxer, a gangster's wife and a pair of diner robbers cross paths over a few violent, darkly funny days in Los Angeles.",
  },
  {
    id: 550,
    title: "Fight Club",
    releaseDate: "1999-10-15",
    runtime: 139,
    vote: 8.4,
    votes: 29870,
    popularity: 70.1,
    genres: ["Drama"],
    overview:
      "An insomniac office worker and a reckless soap salesman start an underground fighting club that grows into something far more dangerous.",
  },
  {
    id: 238,
    title: "The Godfather",
    releaseDate: "1972-03-14",
    runtime: 175,
    vote: 8.7,
    votes: 20440,
    popularity: 90.5,
    genres: ["Drama", "Crime"],
    overview:
      "The ageing head of a New York crime family hands his empire to his reluctant youngest son, who is drawn step by step into the family business.",
  },
  {
    id: 496243,
    title: "Parasite",
    originalTitle: "기생충",
    language: "ko",
    releaseDate: "2019-05-30",
    runtime: 133,
    vote: 8.5,
    votes: 18650,
    popularity: 65.8,
    genres: ["Comedy", "Thriller", "Drama"],
    overview:
      "A struggling family schemes its way into working for a wealthy household, until a secret hidden in the house upends everyone's plans.",
  },
  {
    id: 129,
    title: "Spirited Away",
    originalTitle: "千と千尋の神隠し",
    language: "ja",
    releaseDate: "2001-07-20",
    runtime: 125,
    vote: 8.5,
    votes: 16720,
    popularity: 85.0,
    genres: ["Animation", "Family", "Fantasy"],
    overview:
      "A sullen ten-year-old wanders into a world of spirits and must work in a witch's bathhouse to rescue her parents, who have been turned into pigs.",
  },
  {
    id: 438631,
    title: "Dune",
    releaseDate: "2021-09-15",
    runtime: 155,
    vote: 7.8,
    votes: 12930,
    popularity: 100.3,
    genres: ["Science Fiction", "Adventure"],
    overview:
      "Paul Atreides travels with his noble family to the desert planet Arrakis, the only source of the universe's most precious substance, and into a trap laid by their rivals.",
  },
  {
    id: 693134,
    title: "Dune: Part Two",
    releaseDate: "2024-02-27",
    runtime: 167,
    vote: 8.2,
    votes: 6580,
    popularity: 140.2,
    genres: ["Science Fiction", "Adventure"],
    overview:
      "Paul joins the Fremen of Arrakis to take revenge on the conspirators who destroyed his family, while dreading the future he has foreseen.",
  },
  {
    id: 278,
    title: "The Shawshank Redemption",
    releaseDate: "1994-09-23",
    runtime: 142,
    vote: 8.7,
    votes: 27640,
    popularity: 105.9,
    genres: ["Drama", "Crime"],
    overview:
      "Imprisoned for a double murder he says he did not commit, a banker spends two decades in Shawshank prison, finding friendship and a quiet kind of hope.",
  },
  {
    id: 13,
    title: "Forrest Gump",
    releaseDate: "1994-06-23",
    runtime: 142,
    vote: 8.5,
    votes: 27310,
    popularity: 72.4,
    genres: ["Comedy", "Drama", "Romance"],
    overview:
      "A kind-hearted man from Alabama drifts through decades of American history without ever losing his love for his childhood friend Jenny.",
  },
  {
    id: 424,
    title: "Schindler's List",
    releaseDate: "1993-12-15",
    runtime: 195,
    vote: 8.6,
    votes: 16090,
    popularity: 55.7,
    genres: ["Drama", "History", "War"],
    overview:
      "A German industrialist in occupied Poland gradually turns his factory into a refuge that saves more than a thousand Jewish workers.",
  },
  {
    id: 120,
    title: "The Lord of the Rings: The Fellowship of the Ring",
    releaseDate: "2001-12-18",
    runtime: 179,
    vote: 8.4,
    votes: 25460,
    popularity: 98.1,
    genres: ["Adventure", "Fantasy", "Action"],
    overview:
      "A young hobbit inherits a ring of terrible power and sets out with eight companions to destroy it before its maker can reclaim it.",
  },
  {
    id: 122,
    title: "The Lord of the Rings: The Return of the King",
    releaseDate: "2003-12-17",
    runtime: 201,
    vote: 8.5,
    votes: 24180,
    popularity: 96.4,
    genres: ["Adventure", "Fantasy", "Action"],
    overview: "As armies gather for the last war against Sauron, Frodo and Sam make their final desperate climb toward Mount Doom.",
  },
  {
    id: 19995,
    title: "Avatar",
    releaseDate: "2009-12-15",
    runtime: 162,
    vote: 7.6,
    votes: 31870,
    popularity: 88.8,
    genres: ["Action", "Adventure", "Fantasy", "Science Fiction"],
    overview:
      "A paralysed former marine sent to the moon Pandora in an alien body comes to side with its people against the company mining their home.",
  },
  {
    id: 597,
    title: "Titanic",
    releaseDate: "1997-11-18",
    runtime: 194,
    vote: 7.9,
    votes: 25520,
    popularity: 93.6,
    genres: ["Drama", "Romance"],
    overview:
      "Aboard the doomed ocean liner, a penniless artist and a young woman bound for an unhappy marriage fall in love as the ship sails toward disaster.",
  },
  {
    id: 24428,
    title: "The Avengers",
    releaseDate: "2012-04-25",
    runtime: 143,
    vote: 7.7,
    votes: 30880,
    popularity: 87.2,
    genres: ["Science Fiction", "Action", "Adventure"],
    overview: "Nick Fury assembles a team of mismatched heroes to stop Loki and an alien army from seizing Earth.",
  },
  {
    id: 299534,
    title: "Avengers: Endgame",
    releaseDate: "2019-04-24",
    runtime: 181,
    vote: 8.2,
    votes: 25900,
    popularity: 115.0,
    genres: ["Adventure", "Science Fiction", "Action"],
    overview: "After half of all life has vanished, the surviving Avengers risk everything on one last plan to undo the damage.",
  },
  {
    id: 475557,
    title: "Joker",
    releaseDate: "2019-10-01",
    runtime: 122,
    vote: 8.1,
    votes: 25130,
    popularity: 78.9,
    genres: ["Crime", "Thriller", "Drama"],
    overview: "A lonely, mistreated comedian in a decaying Gotham City slides into violence and becomes an unlikely symbol of revolt.",
  },
  {
    id: 872585,
    title: "Oppenheimer",
    releaseDate: "2023-07-19",
    runtime: 181,
    vote: 8.1,
    votes: 9480,
    popularity: 130.6,
    genres: ["Drama", "History"],
    overview:
      "The physicist who led the race to build the atomic bomb lives with what it unleashed, and with the hearings that later turn against him.",
  },
  {
    id: 346698,
    title: "Barbie",
    releaseDate: "2023-07-19",
    runtime: 114,
    vote: 7.0,
    votes: 9020,
    popularity: 92.3,
    genres: ["Comedy", "Adventure"],
    overview:
      "Barbie leaves her perfect plastic world after an unexpected crisis and discovers that the real world works very differently.",
  },
  {
    id: 244786,
    title: "Whiplash",
    releaseDate: "2014-10-10",
    runtime: 107,
    vote: 8.4,
    votes: 15210,
    popularity: 60.2,
    genres: ["Drama", "Music"],
    overview: "An ambitious young drummer at a top music conservatory is pushed to breaking point by a ferociously demanding teacher.",
  },
  {
    id: 324857,
    title: "Spider-Man: Into the Spider-Verse",
    releaseDate: "2018-12-06",
    runtime: 117,
    vote: 8.4,
    votes: 15480,
    popularity: 82.7,
    genres: ["Animation", "Action", "Adventure", "Science Fiction"],
    overview:
      "Teenager Miles Morales becomes Spider-Man just as a particle collider pulls Spider-People from other dimensions into his Brooklyn.",
  },
  {
    id: 545611,
    title: "Everything Everywhere All at Once",
    releaseDate: "2022-03-24",
    runtime: 140,
    vote: 7.8,
    votes: 6590,
    popularity: 58.4,
    genres: ["Action", "Adventure", "Science Fiction"],
    overview:
      "An overwhelmed laundromat owner in the middle of a tax audit discovers she can borrow skills from her other selves across the multiverse.",
  },
  {
    id: 8587,
    title: "The Lion King",
    releaseDate: "1994-06-24",
    runtime: 89,
    vote: 8.3,
    votes: 18120,
    popularity: 84.1,
    genres: ["Family", "Animation", "Drama"],
    overview: "A lion cub blamed for his father's death runs away from home and must one day return to claim his place as king.",
  },
  {
    id: 862,
    title: "Toy Story",
    releaseDate: "1995-11-22",
    runtime: 81,
    vote: 8.0,
    votes: 18330,
    popularity: 90.9,
    genres: ["Animation", "Adventure", "Family", "Comedy"],
    overview: "A cowboy doll who has always been his owner's favourite feels pushed aside when a flashy space ranger toy arrives.",
  },
  {
    id: 11,
    title: "Star Wars",
    releaseDate: "1977-05-25",
    runtime: 121,
    vote: 8.2,
    votes: 20560,
    popularity: 76.5,
    genres: ["Adventure", "Action", "Science Fiction"],
    overview:
      "A farm boy, a smuggler and a captured princess join forces against the Galactic Empire and its planet-destroying battle station.",
  },
  {
    id: 105,
    title: "Back to the Future",
    releaseDate: "1985-07-03",
    runtime: 116,
    vote: 8.3,
    votes: 19830,
    popularity: 66.0,
    genres: ["Adventure", "Comedy", "Science Fiction"],
    overview:
      "A teenager accidentally travels thirty years into the past in a time machine and must make sure his parents still fall in love.",
  },
  {
    id: 98,
    title: "Gladiator",
    releaseDate: "2000-05-04",
    runtime: 155,
    vote: 8.2,
    votes: 19240,
    popularity: 79.4,
    genres: ["Action", "Drama", "Adventure"],
    overview:
      "A betrayed Roman general, sold into slavery, fights his way through the arenas toward revenge on the emperor who murdered his family.",
  },
  {
    id: 769,
    title: "GoodFellas",
    releaseDate: "1990-09-12",
    runtime: 145,
    vote: 8.5,
    votes: 12740,
    popularity: 52.3,
    genres: ["Drama", "Crime"],
    overview:
      "Henry Hill rises through the ranks of a New York crime family, living the high life until paranoia and greed bring it all down.",
  },
  {
    id: 274,
    title: "The Silence of the Lambs",
    releaseDate: "1991-02-14",
    runtime: 119,
    vote: 8.3,
    votes: 16330,
    popularity: 61.7,
    genres: ["Crime", "Drama", "Thriller"],
    overview: "An FBI trainee seeks the help of an imprisoned cannibal psychiatrist to catch a serial killer.",
  },
  {
    id: 372058,
    title: "Your Name.",
    originalTitle: "君の名は。",
    language: "ja",
    releaseDate: "2016-08-26",
    runtime: 106,
    vote: 8.5,
    votes: 11350,
    popularity: 70.0,
    genres: ["Animation", "Romance", "Drama"],
    overview: "Two teenagers who have never met begin waking up in each other's bodies, and try to find one another before it is too late.",
  },
  {
    id: 76341,
    title: "Mad Max: Fury Road",
    releaseDate: "2015-05-13",
    runtime: 121,
    vote: 7.6,
    votes: 22450,
    popularity: 64.8,
    genres: ["Action", "Adventure", "Science Fiction"],
    overview:
      "In a desert wasteland, Max joins the rebel Furiosa as she flees a tyrant with his captive wives aboard a heavily armed war rig.",
  },
  {
    id: 419430,
    title: "Get Out",
    releaseDate: "2017-02-24",
    runtime: 104,
    vote: 7.6,
    votes: 17010,
    popularity: 48.9,
    genres: ["Mystery", "Thriller", "Horror"],
    overview: "A young man visiting his girlfriend's family for the weekend slowly uncovers the disturbing reason they are so welcoming.",
  },
  {
    id: 313369,
    title: "La La Land",
    releaseDate: "2016-12-01",
    runtime: 128,
    vote: 7.9,
    votes: 17260,
    popularity: 57.0,
    genres: ["Comedy", "Drama", "Romance", "Music"],
    overview:
      "A jazz pianist and an aspiring actress fall in love in Los Angeles while chasing dreams that pull them in different directions.",
  },
  {
    id: 1124,
    title: "The Prestige",
    releaseDate: "2006-10-17",
    runtime: 130,
    vote: 8.2,
    votes: 16120,
    popularity: 50.5,
    genres: ["Drama", "Mystery", "Science Fiction"],
    overview:
      "Two rival stage magicians in Victorian London escalate their feud into a dangerous contest to perform the ultimate illusion.",
  },
  {
    id: 807,
    title: "Se7en",
    releaseDate: "1995-09-22",
    runtime: 127,
    vote: 8.4,
    votes: 21040,
    popularity: 63.2,
    genres: ["Crime", "Mystery", "Thriller"],
    overview: "Two detectives hunt a serial killer who chooses his victims according to the seven deadly sins.",
  },
  {
    id: 335984,
    title: "Blade Runner 2049",
    releaseDate: "2017-10-04",
    runtime: 164,
    vote: 7.6,
    votes: 14080,
    popularity: 55.9,
    genres: ["Science Fiction", "Drama"],
    overview:
      "A replicant hunter uncovers a long-buried secret that sends him looking for a former blade runner who vanished thirty years ago.",
  },
  {
    id: 150540,
    title: "Inside Out",
    releaseDate: "2015-06-09",
    runtime: 95,
    vote: 7.9,
    votes: 21560,
    popularity: 73.3,
    genres: ["Animation", "Family", "Adventure", "Drama", "Comedy"],
    overview: "The emotions inside an eleven-year-old girl's head struggle to guide her through a difficult move to a new city.",
  },
  {
    id: 671,
    title: "Harry Potter and the Philosopher's Stone",
    releaseDate: "2001-11-16",
    runtime: 152,
    vote: 7.9,
    votes: 27420,
    popularity: 101.2,
    genres: ["Adventure", "Fantasy"],
    overview:
      "On his eleventh birthday an orphan learns he is a wizard and begins his first year at Hogwarts School of Witchcraft and Wizardry.",
  },

  // Fictional edge cases.
  {
    id: 990001,
    title: "**@everyone** _Bold_ Movie ||spoiler||",
    releaseDate: "2020-01-01",
    runtime: 90,
    vote: 6.1,
    votes: 42,
    popularity: 1.5,
    genres: ["Comedy"],
    overview:
      "Fictional test entry. Its title and overview are full of Discord markup: @everyone, @here, <@123456789012345678>, <@&123456789012345678>, **bold**, _italics_, `code`, ||a spoiler|| and a [masked link](https://example.com).",
    fictional: "Not a real TMDB title: a name full of Discord mentions and markdown.",
  },
  {
    id: 990002,
    title: "The Very Long Overview",
    releaseDate: "2021-06-01",
    runtime: 241,
    vote: 5.4,
    votes: 17,
    popularity: 1.2,
    genres: ["Drama", "Documentary"],
    overview: longOverview(),
    fictional: "Not a real TMDB title: its overview is longer than 5,000 characters.",
  },
  {
    id: 990006,
    title: "Untitled Future Film",
    releaseDate: "",
    runtime: 0,
    vote: 0,
    votes: 0,
    popularity: 0.6,
    genres: [],
    overview: "",
    status: "In Production",
    fictional: "Not a real TMDB title: no release date, runtime, rating, overview or poster yet.",
  },
  {
    id: 990007,
    title: "Rumoured Remake",
    releaseDate: "",
    noReleaseDateKey: true,
    runtime: 0,
    vote: 0,
    votes: 0,
    popularity: 0.3,
    genres: [],
    overview: "",
    status: "Rumored",
    fictional: "Not a real TMDB title: TMDB sends no release_date key at all, and no poster or backdrop.",
  },
];

/** Deterministic filler longer than 5,000 characters, for truncation tests. */
function longOverview(): string {
  const sentences = [
    "Fictional test entry: this overview exists to be longer than anything Discord will show in one place.",
    "A documentary crew follows a film festival programmer through a year of watching everything that was ever submitted.",
    "Each chapter covers one month, one screening room and one argument about what cinema is for.",
    "There are interviews with projectionists, ushers, critics, and a cat that lives behind the concession stand.",
    "Halfway through, the programmer loses the festival's only copy of the schedule and rebuilds it from memory.",
    "The film never says whether the festival happens; it only shows the chairs being unfolded, one by one.",
  ];
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < 5_600; i++) {
    const paragraph = `Part ${i + 1}. ${sentences.join(" ")}`;
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}

// ---------------------------------------------------------------------------
// TV

const GOT: readonly (readonly string[])[] = [
  [
    "Winter Is Coming",
    "The Kingsroad",
    "Lord Snow",
    "Cripples, Bastards, and Broken Things",
    "The Wolf and the Lion",
    "A Golden Crown",
    "You Win or You Die",
    "The Pointy End",
    "Baelor",
    "Fire and Blood",
  ],
  [
    "The North Remembers",
    "The Night Lands",
    "What Is Dead May Never Die",
    "Garden of Bones",
    "The Ghost of Harrenhal",
    "The Old Gods and the New",
    "A Man Without Honor",
    "The Prince of Winterfell",
    "Blackwater",
    "Valar Morghulis",
  ],
  [
    "Valar Dohaeris",
    "Dark Wings, Dark Words",
    "Walk of Punishment",
    "And Now His Watch Is Ended",
    "Kissed by Fire",
    "The Climb",
    "The Bear and the Maiden Fair",
    "Second Sons",
    "The Rains of Castamere",
    "Mhysa",
  ],
  [
    "Two Swords",
    "The Lion and the Rose",
    "Breaker of Chains",
    "Oathkeeper",
    "First of His Name",
    "The Laws of Gods and Men",
    "Mockingbird",
    "The Mountain and the Viper",
    "The Watchers on the Wall",
    "The Children",
  ],
  [
    "The Wars to Come",
    "The House of Black and White",
    "High Sparrow",
    "Sons of the Harpy",
    "Kill the Boy",
    "Unbowed, Unbent, Unbroken",
    "The Gift",
    "Hardhome",
    "The Dance of Dragons",
    "Mother's Mercy",
  ],
  [
    "The Red Woman",
    "Home",
    "Oathbreaker",
    "Book of the Stranger",
    "The Door",
    "Blood of My Blood",
    "The Broken Man",
    "No One",
    "Battle of the Bastards",
    "The Winds of Winter",
  ],
  ["Dragonstone", "Stormborn", "The Queen's Justice", "The Spoils of War", "Eastwatch", "Beyond the Wall", "The Dragon and the Wolf"],
  ["Winterfell", "A Knight of the Seven Kingdoms", "The Long Night", "The Last of the Starks", "The Bells", "The Iron Throne"],
];

const BREAKING_BAD: readonly (readonly string[])[] = [
  [
    "Pilot",
    "Cat's in the Bag...",
    "...And the Bag's in the River",
    "Cancer Man",
    "Gray Matter",
    "Crazy Handful of Nothin'",
    "A No-Rough-Stuff-Type Deal",
  ],
  [
    "Seven Thirty-Seven",
    "Grilled",
    "Bit by a Dead Bee",
    "Down",
    "Breakage",
    "Peekaboo",
    "Negro y Azul",
    "Better Call Saul",
    "4 Days Out",
    "Over",
    "Mandala",
    "Phoenix",
    "ABQ",
  ],
  [
    "No Más",
    "Caballo sin Nombre",
    "I.F.T.",
    "Green Light",
    "Más",
    "Sunset",
    "One Minute",
    "I See You",
    "Kafkaesque",
    "Fly",
    "Abiquiu",
    "Half Measures",
    "Full Measure",
  ],
  [
    "Box Cutter",
    "Thirty-Eight Snub",
    "Open House",
    "Bullet Points",
    "Shotgun",
    "Cornered",
    "Problem Dog",
    "Hermanos",
    "Bug",
    "Salud",
    "Crawl Space",
    "End Times",
    "Face Off",
  ],
  [
    "Live Free or Die",
    "Madrigal",
    "Hazard Pay",
    "Fifty-One",
    "Dead Freight",
    "Buyout",
    "Say My Name",
    "Gliding Over All",
    "Blood Money",
    "Buried",
    "Confessions",
    "Rabid Dog",
    "To'hajiilee",
    "Ozymandias",
    "Granite State",
    "Felina",
  ],
];

/** One Piece's story arcs as seasons (episode counts approximate; names generated). */
const ONE_PIECE_ARCS: readonly (readonly [name: string, episodes: number])[] = [
  ["East Blue", 61],
  ["Entering into the Grand Line", 16],
  ["Introducing Chopper at the Winter Island", 14],
  ["Alabasta", 39],
  ["Post-Alabasta", 13],
  ["Skypiea", 52],
  ["Long Ring Long Land", 33],
  ["Water 7", 35],
  ["Enies Lobby", 73],
  ["Thriller Bark", 45],
  ["Sabaody Archipelago", 26],
  ["Amazon Lily", 14],
  ["Impel Down", 35],
  ["Marineford", 60],
  ["Fish-Man Island", 58],
  ["Punk Hazard", 54],
  ["Dressrosa", 118],
  ["Zou", 36],
  ["Whole Cake Island", 95],
  ["Wano Country", 209],
  ["Egghead", 36],
];

/** Weekly broadcast with no breaks, each arc picking up the week after the last. */
function onePieceSeasons(): SeasonFact[] {
  let start = "1999-10-20";
  return ONE_PIECE_ARCS.map(([name, count]) => {
    const season: SeasonFact = { name, count, airs: [[start, count, 7]] };
    start = addDays(start, count * 7);
    return season;
  });
}

export const SHOWS: readonly ShowFact[] = [
  {
    id: 1399,
    name: "Game of Thrones",
    country: "US",
    firstAirDate: "2011-04-17",
    status: "Ended",
    type: "Scripted",
    vote: 8.5,
    votes: 24310,
    popularity: 250.3,
    runtime: 57,
    genres: ["Sci-Fi & Fantasy", "Drama", "Action & Adventure"],
    overview:
      "Noble houses scheme and go to war over the Iron Throne of Westeros, while beyond the great Wall in the north an ancient enemy stirs.",
    seasons: [
      weekly("2011-04-17", GOT[0]!),
      weekly("2012-04-01", GOT[1]!),
      weekly("2013-03-31", GOT[2]!),
      weekly("2014-04-06", GOT[3]!),
      weekly("2015-04-12", GOT[4]!),
      weekly("2016-04-24", GOT[5]!),
      weekly("2017-07-16", GOT[6]!),
      weekly("2019-04-14", GOT[7]!),
    ],
  },
  {
    id: 1396,
    name: "Breaking Bad",
    country: "US",
    firstAirDate: "2008-01-20",
    status: "Ended",
    type: "Scripted",
    vote: 8.9,
    votes: 15020,
    popularity: 190.5,
    runtime: 47,
    genres: ["Drama", "Crime"],
    overview:
      "A high school chemistry teacher with terminal cancer starts cooking methamphetamine with a former student to secure his family's future.",
    seasons: [
      weekly("2008-01-20", BREAKING_BAD[0]!),
      weekly("2009-03-08", BREAKING_BAD[1]!),
      weekly("2010-03-21", BREAKING_BAD[2]!),
      weekly("2011-07-17", BREAKING_BAD[3]!),
      runs(BREAKING_BAD[4]!, ["2012-07-15", 8, 7], ["2013-08-11", 8, 7]),
    ],
  },
  {
    id: 87108,
    name: "Chernobyl",
    country: "US",
    firstAirDate: "2019-05-06",
    status: "Ended",
    type: "Miniseries",
    vote: 8.7,
    votes: 6120,
    popularity: 60.2,
    runtime: 65,
    genres: ["Drama"],
    overview:
      "A dramatisation of the 1986 nuclear disaster in Soviet Ukraine and of the people who fought to contain it and to uncover its causes.",
    seasons: [
      weekly("2019-05-06", ["1:23:45", "Please Remain Calm", "Open Wide, O Earth", "The Happiness of All Mankind", "Vichnaya Pamyat"], {
        episodeOverviews: [
          "Reactor 4 explodes in the early hours and the plant's managers insist it is only a minor fire.",
          "Legasov and Shcherbina fly to the site as the scale of the release becomes impossible to deny.",
          "Miners are called in to dig beneath the reactor while the first firefighters are treated in Moscow.",
          "Liquidators clear the exclusion zone and the rooftops, working in shifts measured in seconds.",
          "At the trial of the plant's managers, Legasov explains what really happened that night and why.",
        ],
      }),
    ],
  },
  {
    id: 37854,
    name: "One Piece",
    originalName: "ワンピース",
    language: "ja",
    country: "JP",
    firstAirDate: "1999-10-20",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.7,
    votes: 5080,
    popularity: 200.8,
    runtime: 24,
    genres: ["Action & Adventure", "Comedy", "Animation"],
    overview:
      "Monkey D. Luffy, a rubber-bodied young pirate, sails the Grand Line with his growing crew in search of the legendary treasure known as the One Piece.",
    absoluteEpisodeNames: true,
    seasons: onePieceSeasons(),
  },
  {
    id: 66732,
    name: "Stranger Things",
    country: "US",
    firstAirDate: "2016-07-15",
    status: "Ended",
    type: "Scripted",
    vote: 8.6,
    votes: 18540,
    popularity: 180.4,
    runtime: 60,
    genres: ["Drama", "Sci-Fi & Fantasy", "Mystery"],
    overview:
      "When a boy vanishes in a small Indiana town, his friends, family and the local police run into secret experiments, terrifying forces and one very strange girl.",
    seasons: [
      drop("2016-07-15", [
        "Chapter One: The Vanishing of Will Byers",
        "Chapter Two: The Weirdo on Maple Street",
        "Chapter Three: Holly, Jolly",
        "Chapter Four: The Body",
        "Chapter Five: The Flea and the Acrobat",
        "Chapter Six: The Monster",
        "Chapter Seven: The Bathtub",
        "Chapter Eight: The Upside Down",
      ]),
      drop("2017-10-27", 9),
      drop("2019-07-04", 8),
      runs(9, ["2022-05-27", 7, 0], ["2022-07-01", 2, 0]),
      runs(8, ["2025-11-26", 4, 0], ["2025-12-25", 3, 0], ["2025-12-31", 1, 0]),
    ],
  },
  {
    id: 2316,
    name: "The Office",
    country: "US",
    firstAirDate: "2005-03-24",
    status: "Ended",
    type: "Scripted",
    vote: 8.6,
    votes: 4560,
    popularity: 150.2,
    runtime: 22,
    genres: ["Comedy"],
    overview: "A documentary crew follows the everyday lives of the staff at the Scranton branch of the Dunder Mifflin paper company.",
    seasons: [
      weekly("2005-03-24", 6),
      weekly("2005-09-20", 22),
      weekly("2006-09-21", 25),
      weekly("2007-09-27", 19),
      weekly("2008-09-25", 28),
      weekly("2009-09-17", 26),
      weekly("2010-09-23", 26),
      weekly("2011-09-22", 24),
      weekly("2012-09-20", 25),
    ],
  },
  {
    id: 1668,
    name: "Friends",
    country: "US",
    firstAirDate: "1994-09-22",
    status: "Ended",
    type: "Scripted",
    vote: 8.4,
    votes: 7540,
    popularity: 160.3,
    runtime: 22,
    genres: ["Comedy", "Drama"],
    overview:
      "Six friends in their twenties work out jobs, love and rent in New York City, mostly from the couch of their favourite coffee shop.",
    seasons: [
      weekly("1994-09-22", 24),
      weekly("1995-09-21", 24),
      weekly("1996-09-19", 25),
      weekly("1997-09-25", 24),
      weekly("1998-09-24", 24),
      weekly("1999-09-23", 25),
      weekly("2000-10-12", 24),
      weekly("2001-09-27", 24),
      weekly("2002-09-26", 24),
      weekly("2003-09-25", 18),
    ],
  },
  {
    id: 100088,
    name: "The Last of Us",
    country: "US",
    firstAirDate: "2023-01-15",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.6,
    votes: 5530,
    popularity: 170.0,
    runtime: 55,
    genres: ["Drama", "Action & Adventure"],
    overview:
      "Twenty years after a fungal outbreak collapses civilisation, a hardened smuggler is hired to get a teenage girl who may hold the key to a cure across a ruined America.",
    seasons: [
      weekly("2023-01-15", [
        "When You're Lost in the Darkness",
        "Infected",
        "Long, Long Time",
        "Please Hold to My Hand",
        "Endure and Survive",
        "Kin",
        "Left Behind",
        "When We Are in Need",
        "Look for the Light",
      ]),
      weekly("2025-04-13", ["Future Days", "Through the Valley", "The Path", "Day One", "Feel Her Love", "The Price", "Convergence"]),
    ],
  },
  {
    id: 76331,
    name: "Succession",
    country: "US",
    firstAirDate: "2018-06-03",
    status: "Ended",
    type: "Scripted",
    vote: 8.3,
    votes: 2570,
    popularity: 80.1,
    runtime: 62,
    genres: ["Drama"],
    overview:
      "The Roy family, owners of a global media empire, fight among themselves over who takes control when their ageing father finally steps aside.",
    seasons: [weekly("2018-06-03", 10), weekly("2019-08-11", 10), weekly("2021-10-17", 9), weekly("2023-03-26", 10)],
  },
  {
    id: 82856,
    name: "The Mandalorian",
    country: "US",
    firstAirDate: "2019-11-12",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.4,
    votes: 9580,
    popularity: 120.5,
    runtime: 38,
    genres: ["Sci-Fi & Fantasy", "Action & Adventure", "Drama"],
    overview:
      "After the fall of the Empire, a lone bounty hunter roams the outer reaches of the galaxy and takes an unusual child under his protection.",
    seasons: [
      weekly("2019-11-12", [
        "Chapter 1: The Mandalorian",
        "Chapter 2: The Child",
        "Chapter 3: The Sin",
        "Chapter 4: Sanctuary",
        "Chapter 5: The Gunslinger",
        "Chapter 6: The Prisoner",
        "Chapter 7: The Reckoning",
        "Chapter 8: Redemption",
      ]),
      weekly("2020-10-30", 8),
      weekly("2023-03-01", 8),
    ],
  },
  {
    id: 1429,
    name: "Attack on Titan",
    originalName: "進撃の巨人",
    language: "ja",
    country: "JP",
    firstAirDate: "2013-04-07",
    status: "Ended",
    type: "Scripted",
    vote: 8.7,
    votes: 6590,
    popularity: 140.7,
    runtime: 24,
    genres: ["Animation", "Sci-Fi & Fantasy", "Action & Adventure"],
    overview:
      "Humanity survives behind enormous walls that keep out man-eating giants, until the day a colossal Titan breaks through and young Eren swears revenge.",
    seasons: [weekly("2013-04-07", 25), weekly("2017-04-01", 12), weekly("2018-07-23", 22), weekly("2020-12-07", 30)],
  },
  {
    id: 70523,
    name: "Dark",
    language: "de",
    country: "DE",
    firstAirDate: "2017-12-01",
    status: "Ended",
    type: "Scripted",
    vote: 8.4,
    votes: 6040,
    popularity: 70.3,
    runtime: 55,
    genres: ["Crime", "Drama", "Sci-Fi & Fantasy", "Mystery"],
    overview:
      "When two children go missing in a small German town, four families uncover a time-travel conspiracy that spans several generations.",
    seasons: [drop("2017-12-01", 10), drop("2019-06-21", 8), drop("2020-06-27", 8)],
  },
  {
    id: 95396,
    name: "Severance",
    country: "US",
    firstAirDate: "2022-02-18",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.4,
    votes: 2450,
    popularity: 110.9,
    runtime: 50,
    genres: ["Drama", "Mystery", "Sci-Fi & Fantasy"],
    overview:
      "Employees of Lumon Industries have their memories surgically split between work and home, until one team starts to question what they are really doing.",
    seasons: [
      runs(
        [
          "Good News About Hell",
          "Half Loop",
          "In Perpetuity",
          "The You You Are",
          "The Grim Barbarity of Optics and Design",
          "Hide and Seek",
          "Defiant Jazz",
          "What's for Dinner?",
          "The We We Are",
        ],
        ["2022-02-18", 2, 0],
        ["2022-02-25", 7, 7],
      ),
      weekly("2025-01-17", [
        "Hello, Ms. Cobel",
        "Goodbye, Mrs. Selvig",
        "Who Is Alive?",
        "Woe's Hollow",
        "Trojan's Horse",
        "Attila",
        "Chikhai Bardo",
        "Sweet Vitriol",
        "The After Hours",
        "Cold Harbor",
      ]),
    ],
  },
  {
    id: 136315,
    name: "The Bear",
    country: "US",
    firstAirDate: "2022-06-23",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.2,
    votes: 1340,
    popularity: 75.0,
    runtime: 32,
    genres: ["Drama", "Comedy"],
    overview: "A young chef from the world of fine dining comes home to Chicago to run his late brother's chaotic sandwich shop.",
    seasons: [drop("2022-06-23", 8), drop("2023-06-22", 10), drop("2024-06-26", 10), drop("2025-06-25", 10)],
  },
  {
    id: 19885,
    name: "Sherlock",
    country: "GB",
    firstAirDate: "2010-07-25",
    status: "Ended",
    type: "Scripted",
    vote: 8.5,
    votes: 5060,
    popularity: 90.4,
    runtime: 88,
    genres: ["Crime", "Drama", "Mystery"],
    overview: "The brilliant, abrasive detective Sherlock Holmes and army doctor John Watson solve crimes in present-day London.",
    specials: runs(
      ["Unaired Pilot", "Many Happy Returns", "The Abominable Bride"],
      ["2010-07-25", 1, 0],
      ["2013-12-24", 1, 0],
      ["2016-01-01", 1, 0],
    ),
    seasons: [
      weekly("2010-07-25", ["A Study in Pink", "The Blind Banker", "The Great Game"]),
      weekly("2012-01-01", ["A Scandal in Belgravia", "The Hounds of Baskerville", "The Reichenbach Fall"]),
      runs(["The Empty Hearse", "The Sign of Three", "His Last Vow"], ["2014-01-01", 1, 0], ["2014-01-05", 2, 7]),
      weekly("2017-01-01", ["The Six Thatchers", "The Lying Detective", "The Final Problem"]),
    ],
  },
  {
    id: 1398,
    name: "The Sopranos",
    country: "US",
    firstAirDate: "1999-01-10",
    status: "Ended",
    type: "Scripted",
    vote: 8.6,
    votes: 2810,
    popularity: 85.2,
    runtime: 55,
    genres: ["Drama", "Crime"],
    overview:
      "New Jersey mob boss Tony Soprano starts seeing a psychiatrist as the pressures of his two families, criminal and domestic, become too much.",
    seasons: [
      weekly("1999-01-10", 13),
      weekly("2000-01-16", 13),
      weekly("2001-03-04", 13),
      weekly("2002-09-15", 13),
      weekly("2004-03-07", 13),
      runs(21, ["2006-03-12", 12, 7], ["2007-04-08", 9, 7]),
    ],
  },
  {
    id: 1438,
    name: "The Wire",
    country: "US",
    firstAirDate: "2002-06-02",
    status: "Ended",
    type: "Scripted",
    vote: 8.6,
    votes: 2330,
    popularity: 60.8,
    runtime: 58,
    genres: ["Crime", "Drama"],
    overview:
      "Baltimore's drug trade seen from both sides of the law, and then through the docks, city hall, the schools and the newspaper.",
    seasons: [
      weekly("2002-06-02", 13),
      weekly("2003-06-01", 12),
      weekly("2004-09-19", 12),
      weekly("2006-09-10", 13),
      weekly("2008-01-06", 10),
    ],
  },
  {
    id: 60059,
    name: "Better Call Saul",
    country: "US",
    firstAirDate: "2015-02-08",
    status: "Ended",
    type: "Scripted",
    vote: 8.7,
    votes: 5020,
    popularity: 95.3,
    runtime: 50,
    genres: ["Crime", "Drama"],
    overview:
      "Six years before he meets Walter White, small-time lawyer Jimmy McGill starts down the road that will turn him into Saul Goodman.",
    seasons: [
      weekly("2015-02-08", 10),
      weekly("2016-02-15", 10),
      weekly("2017-04-10", 10),
      weekly("2018-08-06", 10),
      weekly("2020-02-23", 10),
      runs(13, ["2022-04-18", 7, 7], ["2022-07-11", 6, 7]),
    ],
  },
  {
    id: 76479,
    name: "The Boys",
    country: "US",
    firstAirDate: "2019-07-25",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.5,
    votes: 11030,
    popularity: 150.6,
    runtime: 60,
    genres: ["Sci-Fi & Fantasy", "Action & Adventure"],
    overview: "A group of vigilantes sets out to take down corrupt superheroes who abuse their fame and their powers.",
    seasons: [
      drop("2019-07-25", 8),
      runs(8, ["2020-09-04", 3, 0], ["2020-09-11", 5, 7]),
      runs(8, ["2022-06-03", 3, 0], ["2022-06-10", 5, 7]),
      runs(8, ["2024-06-13", 3, 0], ["2024-06-20", 5, 7]),
    ],
  },
  {
    id: 119051,
    name: "Wednesday",
    country: "US",
    firstAirDate: "2022-11-23",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.4,
    votes: 9070,
    popularity: 160.1,
    runtime: 50,
    genres: ["Sci-Fi & Fantasy", "Mystery", "Comedy"],
    overview: "Wednesday Addams investigates a string of murders while making new friends, and new enemies, at Nevermore Academy.",
    seasons: [drop("2022-11-23", 8), runs(8, ["2025-08-06", 4, 0], ["2025-09-03", 4, 0])],
  },
  {
    id: 94997,
    name: "House of the Dragon",
    country: "US",
    firstAirDate: "2022-08-21",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.3,
    votes: 5010,
    popularity: 130.4,
    runtime: 62,
    genres: ["Sci-Fi & Fantasy", "Drama", "Action & Adventure"],
    overview: "Two centuries before Game of Thrones, House Targaryen tears itself apart in a succession war fought with dragons.",
    seasons: [weekly("2022-08-21", 10), weekly("2024-06-16", 8)],
  },
  {
    id: 93405,
    name: "Squid Game",
    originalName: "오징어 게임",
    language: "ko",
    country: "KR",
    firstAirDate: "2021-09-17",
    status: "Ended",
    type: "Scripted",
    vote: 7.8,
    votes: 15060,
    popularity: 140.0,
    runtime: 58,
    genres: ["Action & Adventure", "Mystery", "Drama"],
    overview:
      "Hundreds of cash-strapped players accept an invitation to compete in children's games for a huge prize, and learn too late what losing costs.",
    seasons: [drop("2021-09-17", 9), drop("2024-12-26", 7), drop("2025-06-27", 6)],
  },
  {
    id: 94605,
    name: "Arcane",
    country: "US",
    firstAirDate: "2021-11-06",
    status: "Ended",
    type: "Scripted",
    vote: 8.7,
    votes: 4520,
    popularity: 100.2,
    runtime: 40,
    genres: ["Animation", "Sci-Fi & Fantasy", "Action & Adventure", "Drama"],
    overview:
      "Sisters Vi and Jinx end up on opposite sides of a growing conflict between the wealthy city of Piltover and the oppressed undercity of Zaun.",
    seasons: [
      runs(9, ["2021-11-06", 3, 0], ["2021-11-13", 3, 0], ["2021-11-20", 3, 0]),
      runs(9, ["2024-11-09", 3, 0], ["2024-11-16", 3, 0], ["2024-11-23", 3, 0]),
    ],
  },
  {
    id: 67070,
    name: "Fleabag",
    country: "GB",
    firstAirDate: "2016-07-21",
    status: "Ended",
    type: "Scripted",
    vote: 8.2,
    votes: 1830,
    popularity: 40.5,
    runtime: 26,
    genres: ["Comedy", "Drama"],
    overview: "A sharp, angry and grieving young woman tries to keep her failing café and her love life afloat in London.",
    seasons: [weekly("2016-07-21", 6), weekly("2019-03-04", 6)],
  },
  {
    id: 60625,
    name: "Rick and Morty",
    country: "US",
    firstAirDate: "2013-12-02",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.7,
    votes: 10120,
    popularity: 170.9,
    runtime: 22,
    genres: ["Animation", "Comedy", "Sci-Fi & Fantasy", "Action & Adventure"],
    overview: "A reckless mad scientist drags his anxious grandson across dimensions on one disastrous adventure after another.",
    seasons: [
      weekly("2013-12-02", 11),
      weekly("2015-07-26", 10),
      weekly("2017-07-30", 10),
      weekly("2019-11-10", 10),
      weekly("2021-06-20", 10),
      weekly("2022-09-04", 10),
      weekly("2023-10-15", 10),
      weekly("2025-05-25", 10),
    ],
  },
  {
    id: 126308,
    name: "Shōgun",
    country: "US",
    firstAirDate: "2024-02-27",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.5,
    votes: 1250,
    popularity: 95.0,
    runtime: 60,
    genres: ["Drama", "War & Politics", "Action & Adventure"],
    overview:
      "In feudal Japan, a shipwrecked English navigator is drawn into the struggle of a warlord fighting for survival against his political enemies.",
    seasons: [runs(10, ["2024-02-27", 2, 0], ["2024-03-05", 8, 7])],
  },
  {
    id: 65494,
    name: "The Crown",
    country: "GB",
    firstAirDate: "2016-11-04",
    status: "Ended",
    type: "Scripted",
    vote: 8.2,
    votes: 1530,
    popularity: 70.3,
    runtime: 58,
    genres: ["Drama"],
    overview:
      "The reign of Queen Elizabeth II from her wedding in 1947 into the twenty-first century, and the political and personal rivalries that shaped it.",
    seasons: [
      drop("2016-11-04", 10),
      drop("2017-12-08", 10),
      drop("2019-11-17", 10),
      drop("2020-11-15", 10),
      drop("2022-11-09", 10),
      runs(10, ["2023-11-16", 4, 0], ["2023-12-14", 6, 0]),
    ],
  },

  // Fictional edge cases.
  {
    id: 990003,
    name: "Tomorrow's Show",
    country: "US",
    firstAirDate: "2024-01-05",
    status: "Returning Series",
    type: "Scripted",
    vote: 6.8,
    votes: 12,
    popularity: 2.1,
    runtime: 30,
    genres: ["Comedy"],
    overview: "Fictional test entry: one aired season, a special with no air date yet, and an announced season with no episodes listed.",
    specials: { count: 1, names: ["Holiday Special (date to be announced)"], airs: null },
    seasons: [weekly("2024-01-05", 3), { count: 0, airs: null }],
    fictional: "Not a real TMDB title: a season with no episodes yet and a special with no air date.",
  },
  {
    id: 990004,
    name: "Blank Slate",
    country: "US",
    firstAirDate: "",
    status: "Planned",
    type: "Scripted",
    vote: 0,
    votes: 0,
    popularity: 0.4,
    runtime: 0,
    genres: [],
    overview: "",
    seasons: [],
    fictional: "Not a real TMDB title: announced with no dates, seasons, rating, overview or poster.",
  },
  {
    id: 990005,
    name: "<@&123456789012345678> @here `Code` Show",
    country: "US",
    firstAirDate: "2023-05-01",
    status: "Ended",
    type: "Miniseries",
    vote: 7.1,
    votes: 33,
    popularity: 1.8,
    runtime: 45,
    genres: ["Drama"],
    overview: "Fictional test entry: episode names that ping people and one name far longer than any Discord embed title.",
    seasons: [
      weekly("2023-05-01", [
        "Hey @everyone, <@123456789012345678> is here",
        `The ${"Extremely ".repeat(30)}Long Episode Name`,
        "||Spoiler|| in a *starred* [link](https://example.com)",
      ]),
    ],
    fictional: "Not a real TMDB title: a role mention in its name and markdown in episode names.",
  },
  // Airing on the sandbox clock (sandbox/tmdb-server.ts): new episodes come out as scripts `wait`.
  {
    id: 990101,
    name: "The Weekly Thing",
    country: "US",
    firstAirDate: "",
    status: "Returning Series",
    type: "Scripted",
    vote: 7.4,
    votes: 210,
    popularity: 9.3,
    runtime: 42,
    genres: ["Drama"],
    overview: "Fictional test entry: a new episode every seven days of the sandbox clock; three are out when it starts.",
    seasons: [
      {
        count: 10,
        names: [
          "Pilot",
          "The Second Week",
          "Third Time",
          "Four Walls",
          "Halfway",
          "Six Feet",
          "Lucky Seven",
          "Eight Bells",
          "Nine Lives",
          "Finale",
        ],
        airs: null,
      },
    ],
    sandboxAiring: { season: 1, airedAtStart: 3, everyDays: 7 },
    fictional: "Not a real TMDB title: its episodes air relative to the sandbox clock.",
  },
  {
    id: 990102,
    name: "Daily Dispatch",
    country: "US",
    firstAirDate: "",
    status: "Returning Series",
    type: "Scripted",
    vote: 6.9,
    votes: 80,
    popularity: 4.2,
    runtime: 22,
    genres: ["Comedy"],
    overview: "Fictional test entry: a new episode every day of the sandbox clock; five are out when it starts.",
    seasons: [{ count: 30, airs: null }],
    sandboxAiring: { season: 1, airedAtStart: 5, everyDays: 1 },
    fictional: "Not a real TMDB title: its episodes air relative to the sandbox clock.",
  },
  // Real TMDB shapes the bot must read right (issue: aired vs announced, absolute numbering, nothing aired).
  {
    id: 990103,
    name: "Second Wind",
    country: "US",
    firstAirDate: "2023-03-03",
    status: "Returning Series",
    type: "Scripted",
    vote: 7.6,
    votes: 640,
    popularity: 14.2,
    runtime: 50,
    genres: ["Drama", "Sci-Fi & Fantasy"],
    overview:
      "Fictional test entry: a returning show in the middle of its second season. TMDB lists all six episodes of it; three have aired.",
    seasons: [
      weekly("2023-03-03", ["Clean Slate", "Undertow", "Static", "Crosswind", "The Long Way", "Landfall"]),
      { count: 6, names: ["Second Wind", "Relapse", "Dead Reckoning", "Episode 4", "Episode 5", "Episode 6"], airs: null },
    ],
    sandboxAiring: { season: 2, airedAtStart: 3, everyDays: 7 },
    fictional: "Not a real TMDB title: mid-season like a real capture of Loki season 2 (episode_count 6, aired through E3).",
  },
  {
    id: 990104,
    name: "Grand Voyage",
    originalName: "グランドボヤージュ",
    language: "ja",
    country: "JP",
    firstAirDate: "2024-01-07",
    status: "Returning Series",
    type: "Scripted",
    vote: 8.1,
    votes: 420,
    popularity: 22.5,
    runtime: 24,
    genres: ["Animation", "Action & Adventure"],
    overview:
      "Fictional test entry: an anime TMDB numbers absolutely — season 2 runs E13 to E24, and season 3, airing weekly, starts at E25.",
    absoluteEpisodeNames: true,
    absoluteNumbering: true,
    episodeCredits: true,
    seasons: [weekly("2024-01-07", 12), weekly("2024-07-07", 12), { count: 8, airs: null }],
    sandboxAiring: { season: 3, airedAtStart: 2, everyDays: 7 },
    fictional: "Not a real TMDB title: absolute episode numbers within seasons, like One Piece's, and episode crew and guest stars.",
  },
  {
    id: 990105,
    name: "First Light",
    country: "GB",
    firstAirDate: "",
    status: "In Production",
    type: "Scripted",
    vote: 0,
    votes: 0,
    popularity: 3.3,
    runtime: 0,
    genres: ["Drama"],
    overview: "Fictional test entry: announced and in production; its first episode airs ten days after the sandbox starts.",
    seasons: [{ count: 8, airs: null }],
    sandboxAiring: { season: 1, airedAtStart: 0, everyDays: 10 },
    fictional: "Not a real TMDB title: nothing has aired (last_episode_to_air is null), episode runtimes are null.",
  },
];

// ---------------------------------------------------------------------------
// People (multi search returns them; the bot drops them)

export const PEOPLE: readonly PersonFact[] = [
  {
    id: 525,
    name: "Christopher Nolan",
    department: "Directing",
    popularity: 30.4,
    birthday: "1970-07-30",
    placeOfBirth: "Westminster, London, England, UK",
    biography: "British-American filmmaker known for large-scale films built around time, memory and practical effects.",
  },
  {
    id: 17419,
    name: "Bryan Cranston",
    department: "Acting",
    popularity: 25.1,
    birthday: "1956-03-07",
    placeOfBirth: "Hollywood, California, USA",
    biography: "American actor best known for playing Walter White in Breaking Bad and Hal in Malcolm in the Middle.",
  },
  {
    id: 1223786,
    name: "Emilia Clarke",
    department: "Acting",
    popularity: 28.7,
    birthday: "1986-10-23",
    placeOfBirth: "London, England, UK",
    biography: "English actress best known for playing Daenerys Targaryen in Game of Thrones.",
  },
  {
    id: 287,
    name: "Brad Pitt",
    department: "Acting",
    popularity: 40.2,
    birthday: "1963-12-18",
    placeOfBirth: "Shawnee, Oklahoma, USA",
    biography: "American actor and producer whose roles range from Fight Club to Once Upon a Time in Hollywood.",
  },
  {
    id: 1253360,
    name: "Pedro Pascal",
    department: "Acting",
    popularity: 60.9,
    birthday: "1975-04-02",
    placeOfBirth: "Santiago, Chile",
    biography: "Chilean-American actor known for The Mandalorian and The Last of Us.",
  },
];
