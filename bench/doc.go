// Package bench measures the corpus search engine beside Bleve on the same
// passages and questions. It is a module of its own so that Bleve never
// enters the bot's build.
package bench
