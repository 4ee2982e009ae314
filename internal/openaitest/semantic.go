package openaitest

import (
	"encoding/json"
	"hash/fnv"
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// SemanticDims is a good length to ask the fake's meaningful vectors of.
const SemanticDims = 256

// ModelGroups are words the fake "model" knows to mean the same thing
// beyond the lexicon's paraphrase groups: paraphrases and Haitian Creole
// translations a hand-made list lacks, so a test can show dense retrieval
// finding what lexical search misses.
var ModelGroups = [][]string{
	{"fuel", "petrol", "gasoline", "benzine", "diesel", "gaz", "carburant", "essence"},
	{"shortage", "shortages", "scarce", "scarcity", "pénurie"},
	{"police", "lapolis", "polis", "policiers"},
	{"arrest", "arrested", "detained", "arrête", "arrêté", "arete"},
	{"gangs", "gang", "bandi", "bandits", "gangsters"},
	{"school", "schools", "lekòl", "lekol", "école", "écoles"},
	{"closed", "shut", "fèmen", "femen", "fermé", "fermées"},
	{"five", "senk", "cinq", "5"},
	{"three", "twa", "trois", "3"},
	// Common French and English words of the reports, as a multilingual
	// model would pair them.
	{"control", "controls", "controlled", "contrôle", "contrôlent", "contrôlé", "contrôlée", "kontwole"},
	{"year", "years", "année", "années", "ans", "ane"},
	{"month", "months", "mois"},
	{"created", "established", "founded", "créé", "créée", "établi", "instauré"},
	{"office", "bureau", "biwo"},
	{"support", "soutien", "appui"},
	{"renewal", "renewed", "extended", "renouvellement", "renouvelé", "prorogé"},
	{"council", "conseil", "konsèy"},
	{"deployment", "deployed", "déploiement", "déployé", "déployés"},
	{"deputy", "adjoint", "adjointe"},
	{"adviser", "advisor", "conseiller", "conseillère"},
}

// ModelNames are the names of the bodies the reports speak of, each group
// in English and French, as a multilingual model knows them from its
// training. They are the fake model's own knowledge, not the bot's
// configuration: a fake speaks the wire protocol and reads no config. The
// list is the default topic's glossary (config.Default's topic.aliases;
// cmd/bot's TestFakeModelKnowsTheTopicNames keeps the two the same).
var ModelNames = [][]string{
	{"MSS", "MSSM", "Multinational Security Support", "Mission multinationale d'appui à la sécurité", "MMAS"},
	{"GSF", "Gang Suppression Force", "Force de répression des gangs", "Force de suppression des gangs", "FRG", "anti-gang force"},
	{"UNSOH", "UN Support Office", "United Nations Support Office", "Bureau d'appui des Nations unies", "BANUH"},
	{"BINUH", "UN Integrated Office in Haiti", "United Nations Integrated Office in Haiti", "Bureau intégré des Nations unies en Haïti"},
	{"HNP", "PNH", "Haitian National Police", "Police nationale d'Haïti"},
	{"Transitional Presidential Council", "Presidential Transitional Council", "Conseil présidentiel de transition", "CPT"},
	{"Security Council", "UNSC", "UN Security Council", "Conseil de sécurité", "CSNU"},
}

// semanticAnalyzer finds the lexicon's groups, with the names the model
// knows, in a text.
var semanticAnalyzer = lexicon.New(ModelNames)

// semanticKeys maps a folded single word to the groups it belongs to.
var semanticKeys = func() map[string][]string {
	m := map[string][]string{}
	add := func(kind string, g []string) {
		key := kind + "#" + g[0]
		for _, w := range g {
			toks := lexicon.Tokens(w)
			if len(toks) != 1 {
				continue // phrases are left to the lexicon
			}
			m[toks[0].Text] = append(m[toks[0].Text], key)
		}
	}
	for _, g := range lexicon.ParaphraseGroups() {
		add("p", g)
	}
	for _, g := range ModelGroups {
		add("m", g)
	}
	// A model knows a translation as well as the word: each word of a
	// model group takes every key its fellows have ("lapolis" the
	// lexicon's group of "police" too), not only the group's own.
	for _, g := range ModelGroups {
		var union []string
		for _, w := range g {
			if toks := lexicon.Tokens(w); len(toks) == 1 {
				for _, k := range m[toks[0].Text] {
					if !slices.Contains(union, k) {
						union = append(union, k)
					}
				}
			}
		}
		for _, w := range g {
			if toks := lexicon.Tokens(w); len(toks) == 1 {
				m[toks[0].Text] = slices.Clone(union)
			}
		}
	}
	return m
}()

// SemanticEmbed returns the fake's vector of dim dimensions for text: each
// content word is hashed into a few dimensions by the groups it belongs to
// (a paraphrase group, a translation) or else by its stem, so that texts
// saying the same thing in other words or languages get similar vectors.
// The same text always gets the same unit vector.
func SemanticEmbed(text string, dim int) []float32 {
	if dim <= 0 {
		dim = SemanticDims
	}
	v := make([]float64, dim)
	add := func(k string) {
		for j := range 3 {
			h := fnv.New64a()
			h.Write([]byte{byte(j)})
			h.Write([]byte(k))
			sum := h.Sum64()
			sign := 1.0
			if sum&(1<<63) != 0 {
				sign = -1
			}
			v[sum%uint64(dim)] += sign
		}
	}
	// Phrases and names the lexicon and the topic's glossary know in
	// either language ("set up" and "mis en place", "BINUH" and its
	// French name) share dimensions, as in a multilingual model.
	seen := map[string]bool{}
	for _, lang := range []string{lexicon.English, lexicon.French} {
		for _, g := range semanticAnalyzer.Groups(semanticAnalyzer.Analyze(text, lang), lang) {
			if !seen[g] {
				seen[g] = true
				add("g#" + g)
			}
		}
	}
	for _, t := range lexicon.Tokens(text) {
		if lexicon.IsStopWord(t.Text) {
			continue
		}
		keys := semanticKeys[t.Text]
		if len(keys) == 0 {
			keys = []string{"s#" + lexicon.Stem(t.Text, lexicon.English)}
		}
		for _, k := range keys {
			add(k)
		}
	}
	var norm float64
	for _, x := range v {
		norm += x * x
	}
	out := make([]float32, dim)
	if norm == 0 {
		out[0] = 1 // a text of stop words still gets a unit vector
		return out
	}
	norm = math.Sqrt(norm)
	for i, x := range v {
		out[i] = float32(x / norm)
	}
	return out
}

// semanticEmbeddings answers /v1/embeddings with SemanticEmbed vectors of
// the request's "dimensions". A request without one gets the older bag of
// hashed words (Embed), which earlier tests rely on. A model named
// "fail-*" answers 503, for tests of an endpoint that is down.
func semanticEmbeddings(w http.ResponseWriter, req Request) {
	if len(req.Input) == 0 {
		writeError(w, http.StatusBadRequest, "'input' is required")
		return
	}
	var extra struct {
		Dimensions int `json:"dimensions"`
	}
	json.Unmarshal(req.Body, &extra) // the body already decoded once
	dim := extra.Dimensions
	if dim <= 0 {
		writeEmbeddings(w, req, Embed)
		return
	}
	if strings.HasPrefix(req.Model, "fail-") {
		writeError(w, http.StatusServiceUnavailable, "the embedding model is down")
		return
	}
	writeEmbeddings(w, req, func(text string) []float32 { return SemanticEmbed(text, dim) })
}

// RewriteMarker opens the system prompt of a request to rewrite a
// question into search queries (brief's query rewriting). The fake
// answers such a request itself, before any scripted reply, and counts it
// as kind "rewrite", not "chat".
const RewriteMarker = "Rewrite the question as search queries"

// Translations are the French and English words the fake "model"
// translates when it rewrites a question; each pair is used both ways.
var Translations = [][2]string{
	{"agriculteurs", "farmers"}, {"récolte", "harvest"}, {"riz", "rice"}, {"perdu", "lost"},
	{"sécheresse", "drought"}, {"inondations", "floods"}, {"vallée", "valley"}, {"faim", "hunger"},
	{"écoles", "schools"}, {"fermées", "closed"}, {"carburant", "fuel"}, {"pénurie", "shortage"},
	{"conseil", "council"}, {"mandat", "mandate"}, {"renouvelé", "renewed"}, {"sécurité", "security"},
	{"enlèvements", "kidnappings"}, {"déplacés", "displaced"}, {"élections", "elections"},
	{"policiers", "officers"}, {"aéroport", "airport"}, {"budget", "budget"}, {"mission", "mission"},
}

var translate = func() map[string]string {
	m := map[string]string{}
	for _, p := range Translations {
		m[p[0]], m[p[1]] = p[1], p[0]
	}
	return m
}()

func isRewrite(r Request) bool { return strings.HasPrefix(r.System(), RewriteMarker) }

// rewriteReply answers a rewrite request deterministically: one query, the
// words of the question's last line (after "Question:") that Translations
// knows, translated; or the question itself when it knows none.
func rewriteReply(req Request) (Reply, bool) {
	if !isRewrite(req) {
		return Reply{}, false
	}
	q := req.LastUser()
	if i := strings.LastIndex(q, "Question:"); i >= 0 {
		q = q[i+len("Question:"):]
	}
	q = strings.TrimSpace(q)
	var words []string
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if t, ok := translate[strings.Trim(w, ".,;:!?«»\"'()")]; ok {
			words = append(words, t)
		}
	}
	query := q
	if len(words) > 0 {
		query = strings.Join(words, " ")
	}
	b, _ := json.Marshal(map[string][]string{"queries": {query}})
	return Reply{Content: string(b)}, true
}
