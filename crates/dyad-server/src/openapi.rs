//! `GET /api/openapi.json`: the OpenAPI 3.0 document of the API. Its paths are exactly
//! [`crate::ROUTES`] (a test checks both ways).

use axum::Json;
use serde_json::{json, Value};

/// A query parameter.
fn q(name: &str, kind: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false,
           "schema": {"type": kind}, "description": description})
}

/// `exact` of the aggregations.
fn exact() -> Value {
    q(
        "exact",
        "boolean",
        "Count every event even when that takes seconds (default false: a filter no rollup \
         keeps over many events is counted from a sample of them, and the answer's `sample` \
         says so)",
    )
}

fn filters() -> Vec<Value> {
    vec![
        json!({"name": "actor", "in": "query", "required": false, "style": "form",
               "explode": true, "schema": {"type": "array", "items": {"type": "string"}},
               "description": "Actor code or prefix on either side, or a name the dictionaries resolve (Macron: FRAGOV on the `to` date, else `from`, else today); repeat (up to 4) to require several"}),
        q("source", "string", "Source actor code or prefix, or a name"),
        q("target", "string", "Target actor code or prefix, or a name"),
        q(
            "dyad",
            "string",
            "SOURCE:TARGET (codes or prefixes), not with source/target",
        ),
        q("code", "string", "CAMEO event code or prefix (digits)"),
        q("root", "string", "CAMEO root, 01 to 20"),
        q("quad", "integer", "Quad class 1 to 4"),
        q("from", "string", "First event date, YYYY-MM-DD"),
        q("to", "string", "Last event date, YYYY-MM-DD, inclusive"),
        q(
            "country",
            "string",
            "ISO 3166 alpha-3 country of the event's place, or the country's name",
        ),
        q(
            "text",
            "string",
            "Words (at most 8) that must all appear in one report's evidence",
        ),
        q(
            "issue",
            "string",
            "An issue (theme, Phoenix issue code such as REFUGEES) a report's sentence names",
        ),
        q(
            "since",
            "string",
            "Events first stored after this time, YYYYMMDDHHMMSS (UTC): a live view's new events",
        ),
        q(
            "tone_below",
            "number",
            "Events whose tone (AvgTone, -100 to 100) is below this",
        ),
        q(
            "tone_above",
            "number",
            "Events whose tone (AvgTone, -100 to 100) is above this",
        ),
        q("with_negated", "boolean", "Include negated events"),
    ]
}

fn sort() -> Value {
    json!({"name": "sort", "in": "query", "required": false,
           "schema": {"type": "string", "enum": dyad_store::filter::SORTS},
           "description": "date (default), goldstein or reports; - before it for descending"})
}

fn with_filters(extra: Vec<Value>) -> Vec<Value> {
    let mut v = filters();
    v.extend(extra);
    v
}

fn ok(schema: &str) -> Value {
    json!({
        "200": {"description": "OK", "content": {"application/json":
            {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "408": {"description": "The request took too long"}
    })
}

fn id_param(description: &str, kind: &str) -> Value {
    json!({"name": "id", "in": "path", "required": true, "schema": {"type": kind},
           "description": description})
}

/// The document.
pub fn spec() -> Value {
    let mut one_event = ok("EventDetail");
    one_event["404"] = json!({"$ref": "#/components/responses/NotFound"});
    let mut one_article = ok("Article");
    one_article["404"] = json!({"$ref": "#/components/responses/NotFound"});
    json!({
      "openapi": "3.0.3",
      "info": {"title": "dyad", "version": env!("CARGO_PKG_VERSION"),
               "description": "CAMEO political events coded from news by dyad: events, actors, \
                time series, networks, places and articles with their coded spans. Errors are \
                {\"error\": \"…\", \"field\": \"…\"} with a 4xx status."},
      "paths": {
        "/api/events": {"get": {"summary": "Events, filtered, one page at a time, in an order (by date, then id, unless sort says otherwise), with the total",
            "parameters": with_filters(vec![
                q("limit", "integer", "Events per page, 1 to 500 (default 50)"),
                q("cursor", "string", "next_cursor of the previous page (same sort)"),
                sort()]),
            "responses": ok("EventPage")}},
        "/api/events/{id}": {"get": {"summary": "One event with its reports, evidence spans and articles",
            "parameters": [id_param("GLOBALEVENTID", "integer")],
            "responses": one_event}},
        "/api/actors": {"get": {"summary": "Actors by code prefix or by the words coded with them",
            "parameters": [
                {"name": "q", "in": "query", "required": true, "schema": {"type": "string"},
                 "description": "2 to 100 characters"},
                q("limit", "integer", "1 to 100 (default 20)")],
            "responses": ok("Actors")}},
        "/api/series": {"get": {"summary": "Events per period: counts by quad class, Goldstein sum and mean",
            "parameters": with_filters(vec![json!({"name": "by", "in": "query", "required": false,
                "schema": {"type": "string", "enum": ["day", "week", "month", "auto"]},
                "description": "Period (default month; auto fits it to the span); every period from `from` (else the first dated event) to `to` (else the last) is a point, at most 10,000"}),
                exact()]),
            "responses": ok("Series")}},
        "/api/filter": {"get": {"summary": "The filter as read: names resolved to codes, values checked, the events it selects and the undated ones it leaves out",
            "parameters": with_filters(vec![sort()]),
            "responses": ok("FilterRead")}},
        "/api/codes": {"get": {"summary": "CAMEO event codes with labels, and labels of the actor codes asked for",
            "parameters": [q("actor", "string", "An actor code to label (repeatable, at most 200)")],
            "responses": ok("Codes")}},
        "/api/export": {"get": {"summary": "The events of a filter as a file (streamed): csv, gdelt (61 columns), jsonl or parquet",
            "parameters": with_filters(vec![
                json!({"name": "format", "in": "query", "required": true,
                       "schema": {"type": "string", "enum": ["csv", "gdelt", "jsonl", "parquet"]}}),
                json!({"name": "undated", "in": "query", "required": false,
                       "schema": {"type": "string", "enum": ["leave-out", "dateadded"]},
                       "description": "gdelt: leave undated events out (default; the count is in X-Dyad-Undated-Left-Out) or date them by DATEADDED"}),
                sort()]),
            "responses": {"200": {"description": "The file"},
                          "400": {"$ref": "#/components/responses/BadRequest"}}}},
        "/api/network": {"get": {"summary": "The actor network: nodes and directed edges weighted by events",
            "parameters": with_filters(vec![
                json!({"name": "level", "in": "query", "required": false,
                       "schema": {"type": "string", "enum": ["country", "actor"]},
                       "description": "Nodes are countries (first 3 letters, default) or full codes"}),
                q("edges", "integer", "Heaviest edges kept, 1 to 1000 (default 100)"),
                exact()]),
            "responses": ok("Network")}},
        "/api/places": {"get": {"summary": "Where the selected events happened, one point per place",
            "parameters": with_filters(vec![q("limit", "integer", "1 to 2000 (default 500)"),
                exact()]),
            "responses": ok("Places")}},
        "/api/articles/{id}": {"get": {"summary": "An article with its text, every coded span and its quotations",
            "parameters": [id_param("Article id (percent-encoded)", "string")],
            "responses": one_article}},
        "/api/articles": {"post": {"summary": "Code and store one article (only with --ingest-token)",
            "security": [{"bearer": []}],
            "requestBody": {"required": true, "content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/ArticleInput"}}}},
            "responses": {
                "201": {"description": "Added", "content": {"application/json": {"schema":
                    {"$ref": "#/components/schemas/Ingested"}}}},
                "200": {"description": "Replaced or unchanged", "content": {"application/json":
                    {"schema": {"$ref": "#/components/schemas/Ingested"}}}},
                "400": {"$ref": "#/components/responses/BadRequest"},
                "401": {"description": "No valid bearer token", "content": {"application/json":
                    {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "404": {"$ref": "#/components/responses/NotFound"},
                "413": {"description": "Body over 1 MiB", "content": {"application/json":
                    {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
        "/api/stats": {"get": {"summary": "Summary statistics of the database",
            "responses": ok("Stats")}},
        "/api/openapi.json": {"get": {"summary": "This document",
            "responses": {"200": {"description": "OpenAPI 3.0 document"}}}}
      },
      "components": components()
    })
}

fn obj(props: Value) -> Value {
    json!({"type": "object", "properties": props})
}

fn array_of(schema: &str) -> Value {
    json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{schema}")}})
}

/// An answer's `sample`: present only when the answer was counted from a sample of the events.
fn sample() -> Value {
    json!({"type": "object", "nullable": true,
        "description": "The answer was counted from the events whose id falls in the first \
                        `share` of the id space (a uniform sample), its counts scaled by \
                        1/share; `matched` events of the sample were selected (relative error \
                        about 1/sqrt(matched)). Absent when every event was counted; \
                        exact=true asks for that.",
        "properties": {"share": {"type": "number"}, "matched": {"type": "integer"}}})
}

/// The schemas of the analyst's routes (filter, codes), kept apart from [`components`]'s one
/// `json!` (whose macro has a recursion limit).
fn view_schemas() -> Value {
    let s = json!({"type": "string"});
    let i = json!({"type": "integer"});
    let n = json!({"type": "number"});
    json!({
        "Resolution": obj(json!({"field": s, "name": s, "code": s, "by": s})),
        "FilterRead": obj(json!({"valid": {"type": "boolean"}, "error": s, "field": s,
            "params": {"type": "array", "items": {"type": "array",
            "items": s}}, "resolved": array_of("Resolution"), "events": i,
            "events_is_lower_bound": {"type": "boolean",
                "description": "events is a lower bound: at least that many (a count that \
                                would read most of the store stops there); when `sample` is \
                                given, events is estimated from it (a filter of evidence \
                                words, issues or tone over many events)"},
            "sample": sample(), "undated": i, "undated_sample": sample(), "sort": s})),
        "Codes": obj(json!({"events": {"type": "array", "items": obj(json!({"code": s,
            "label": s, "goldstein": n, "quad_class": i}))},
            "actors": {"type": "object", "additionalProperties": s}}))
    })
}

fn components() -> Value {
    let mut c = base_components();
    if let (Some(schemas), Value::Object(more)) = (c["schemas"].as_object_mut(), view_schemas()) {
        schemas.extend(more);
    }
    c
}

fn base_components() -> Value {
    let s = json!({"type": "string"});
    let ns = json!({"type": "string", "nullable": true});
    let i = json!({"type": "integer"});
    let n = json!({"type": "number"});
    let sample = sample();
    let nn = json!({"type": "number", "nullable": true});
    let quad = json!({"type": "array", "items": {"type": "integer"}, "minItems": 4, "maxItems": 4,
                      "description": "events of quad class 1, 2, 3, 4"});
    let span = json!({"$ref": "#/components/schemas/Span"});
    json!({
      "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
      "responses": {
        "BadRequest": {"description": "A bad parameter (named in field)", "content":
            {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "NotFound": {"description": "No such thing", "content":
            {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
      },
      "schemas": {
        "Error": {"type": "object", "required": ["error"], "properties":
            {"error": s, "field": s}},
        "Span": obj(json!({"start": i, "end": i, "text": s})),
        "Event": obj(json!({"id": i, "date": s, "source": s, "target": s, "code": s,
            "base_code": s, "root": s, "quad_class": i, "goldstein": n, "plover": ns,
            "negated": {"type": "boolean"}, "modality": s, "num_mentions": i, "num_sources": i,
            "num_articles": i, "date_added": s, "article_id": s, "url": ns, "sentence": i,
            "source_text": ns, "target_text": ns, "evidence": s, "place_name": ns,
            "place_country": ns, "place_geonameid": {"type": "integer", "nullable": true},
            "lat": nn, "lon": nn, "tone": nn, "issues": {"type": "array", "items": s}})),
        "EventPage": obj(json!({"events": array_of("Event"), "next_cursor": ns,
            "partial": {"type": "boolean",
                "description": "the read stopped at its bound before the page was full: the \
                                page holds every event up to next_cursor, and more may follow"},
            "total": {"type": "integer", "nullable": true,
                      "description": "events the filter selects (first page only)"},
            "total_is_lower_bound": {"type": "boolean",
                "description": "total is a lower bound: at least that many (a count that \
                                would read most of the store stops there)"},
            "sort": s, "resolved": array_of("Resolution")})),
        "Report": obj(json!({"event_id": i, "article_id": s, "sentence": i, "repeat": i,
            "source": span, "target": span, "verb": span, "evidence": span, "confidence": i,
            "rule": ns, "place_name": ns, "place_country": ns, "lat": nn, "lon": nn})),
        "ArticleMeta": obj(json!({"id": s, "url": ns, "title": ns, "source": ns, "date": ns,
            "dateline_place": ns, "added": s, "length": i, "tone": nn,
            "issues": {"type": "array", "items": s}})),
        "EventDetail": obj(json!({"event": {"$ref": "#/components/schemas/Event"},
            "reports": array_of("Report"), "articles": array_of("ArticleMeta")})),
        "CodedSpan": {"allOf": [{"$ref": "#/components/schemas/Report"}, obj(json!({
            "source_code": s, "target_code": s, "code": s, "quad_class": i, "goldstein": n,
            "negated": {"type": "boolean"}, "modality": s, "date": s}))]},
        "Quote": obj(json!({"start": i, "end": i, "text": s, "speaker_code": ns,
            "speaker": span, "speaker_name": ns})),
        "Article": {"allOf": [{"$ref": "#/components/schemas/ArticleMeta"}, obj(json!({
            "text": s, "events": array_of("CodedSpan"), "quotes": array_of("Quote")}))]},
        "Actor": obj(json!({"code": s, "label": s, "reports": i, "events": i,
            "names": {"type": "array", "items": s}})),
        "Actors": obj(json!({"actors": array_of("Actor")})),
        "SeriesPoint": obj(json!({"period": s, "events": i, "quad": quad, "goldstein_sum": n,
            "goldstein_mean": n})),
        "Series": obj(json!({"by": s, "points": array_of("SeriesPoint"), "from": ns,
            "to": ns, "undated": i, "sample": sample.clone()})),
        "Node": obj(json!({"id": s, "events": i})),
        "Edge": obj(json!({"source": s, "target": s, "events": i, "quad": quad,
            "goldstein_sum": n, "goldstein_mean": n})),
        "Network": obj(json!({"nodes": array_of("Node"), "edges": array_of("Edge"),
            "edges_omitted": i, "sample": sample.clone()})),
        "Place": obj(json!({"name": ns, "country": ns, "geonameid": i, "lat": n, "lon": n,
            "events": i, "quad": quad, "goldstein_mean": n})),
        "Places": obj(json!({"places": array_of("Place"), "sample": sample})),
        "Count": obj(json!({"key": s, "events": i})),
        "Stats": obj(json!({"articles": i, "events": i, "negated_events": i, "mentions": i,
            "quotes": i, "undated_events": i, "first_date": ns, "last_date": ns, "quad": quad,
            "goldstein_mean": nn, "roots": array_of("Count"), "top_actors": array_of("Count"),
            "top_dyads": array_of("Count"), "top_countries": array_of("Count"),
            "top_issues": array_of("Count"), "last_added": ns})),
        "ArticleInput": {"type": "object", "required": ["id", "text"], "properties":
            {"id": s, "text": s, "date": s, "url": s, "title": s, "source": s}},
        "Ingested": obj(json!({"id": s, "status": {"type": "string",
            "enum": ["added", "replaced", "unchanged"]}, "events": i}))
      }
    })
}

/// `GET /api/openapi.json`.
pub async fn document() -> Json<Value> {
    Json(spec())
}
