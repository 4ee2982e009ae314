package corpus

import (
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"
)

func TestProtoTrafilatura(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>Kenya police land in Haiti | Daily Wire</title>
<meta property="og:site_name" content="Daily Wire"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-06-25T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/x">World</a></nav>
<article><h1>Kenya police land in Haiti</h1>
<p>The first 400 Kenyan police officers arrived in Port-au-Prince on Tuesday, opening the multinational mission that the UN Security Council authorised last October.</p>
<p>The officers will support the Haitian National Police against gangs that control most of the capital. Their commander said the deployment would be followed by more contingents from other countries.</p>
<p>Critics in Nairobi argued that the deployment was unconstitutional, but a court allowed it to proceed after a new agreement was signed.</p>
</article><footer>Copyright 2024. Share this article. Subscribe.</footer></body></html>`
	start := time.Now()
	res, err := trafilatura.Extract(strings.NewReader(page), trafilatura.Options{ExcludeComments: true, EnableFallback: true})
	t.Logf("took %v err=%v", time.Since(start), err)
	if res != nil {
		t.Logf("text=%q", res.ContentText)
		t.Logf("meta=%+v", res.Metadata)
	}
	start = time.Now()
	res, err = trafilatura.Extract(strings.NewReader(page), trafilatura.Options{ExcludeComments: true})
	t.Logf("2nd took %v err=%v", time.Since(start), err)
	res, err = trafilatura.Extract(strings.NewReader("<html><body><script>x</script></body></html>"), trafilatura.Options{ExcludeComments: true, EnableFallback: true})
	t.Logf("empty: %v %+v", err, res)
}
