using Microsoft.CodeAnalysis;

namespace PerfAnalyzers;

/// <summary>Every rule's id, category, severity, texts and help link: the single place they are declared.</summary>
public static class RuleCatalog
{
    public const string HelpLinkBase = "https://github.com/perfanalyzers/perfanalyzers/blob/main/docs/rules/";

    public static class Ids
    {
        public const string BlockingIOInAsyncMethod = "PERF001";
        public const string BlockingWaitInAsyncMethod = "PERF002";
        public const string QueryInLoop = "PERF010";
        public const string LazyNavigationInLoop = "PERF011";
        public const string SaveChangesInLoop = "PERF012";
        public const string DeeplyNestedLoops = "PERF020";
        public const string LinearSearchInLoop = "PERF021";
        public const string StringConcatenationInLoop = "PERF030";
        public const string HttpClientPerOperation = "PERF040";
        public const string CostlyObjectPerCall = "PERF041";
        public const string MaterializedThenFiltered = "PERF050";
        public const string WholeFileReadToEnumerate = "PERF051";
        public const string XmlSerializerPerCall = "PERF052";
        public const string QueryThroughCallInLoop = "PERF013";
    }

    public static class Categories
    {
        public const string BlockingIO = "Blocking I/O";
        public const string AsyncOptimization = "Async Optimization";
        public const string NPlusOneQuery = "N+1 Query";
        public const string NestedLoops = "Nested Loops";
        public const string StringConcatenation = "String Concatenation";
        public const string Caching = "Caching";
        public const string MemoryUsage = "Memory Usage";
    }

    public static readonly DiagnosticDescriptor BlockingIOInAsyncMethod = Create(
        Ids.BlockingIOInAsyncMethod,
        Categories.BlockingIO,
        DiagnosticSeverity.Warning,
        "Synchronous I/O in async code",
        "'{0}' blocks the thread in an async method; use '{1}'",
        "A synchronous I/O call inside async code blocks a thread-pool thread while the I/O completes. Await the asynchronous counterpart instead.");

    public static readonly DiagnosticDescriptor BlockingWaitInAsyncMethod = Create(
        Ids.BlockingWaitInAsyncMethod,
        Categories.AsyncOptimization,
        DiagnosticSeverity.Warning,
        "Blocking wait on a task in async code",
        "'{0}' blocks the thread while waiting in async code; use '{1}'",
        "Blocking on a task inside async code wastes a thread-pool thread and can deadlock. Await the task instead.");

    public static readonly DiagnosticDescriptor QueryInLoop = Create(
        Ids.QueryInLoop,
        Categories.NPlusOneQuery,
        DiagnosticSeverity.Warning,
        "Database query inside a loop",
        "'{0}' runs a database query on every iteration of this loop",
        "Executing a query on every iteration of a loop costs one database round trip per item (the N+1 query problem). Query once for all items before the loop.");

    public static readonly DiagnosticDescriptor LazyNavigationInLoop = Create(
        Ids.LazyNavigationInLoop,
        Categories.NPlusOneQuery,
        DiagnosticSeverity.Warning,
        "Lazy-loaded navigation read inside a loop",
        "Navigation '{0}' is lazy-loaded with one query per iteration of this loop; include it in the query that produced '{1}'",
        "Reading a lazy-loaded navigation property of each entity in a loop runs one query per entity. Load it with the original query using Include.");

    public static readonly DiagnosticDescriptor SaveChangesInLoop = Create(
        Ids.SaveChangesInLoop,
        Categories.NPlusOneQuery,
        DiagnosticSeverity.Warning,
        "SaveChanges inside a loop",
        "'{0}' saves to the database on every iteration of this loop; save once after the loop",
        "Calling SaveChanges on every iteration costs one database round trip (and transaction) per item. Save once after the loop.");

    public static readonly DiagnosticDescriptor DeeplyNestedLoops = Create(
        Ids.DeeplyNestedLoops,
        Categories.NestedLoops,
        DiagnosticSeverity.Warning,
        "Loops nested too deep",
        "Loops are nested {0} deep here, more than the maximum of {1}",
        "Deeply nested loops multiply their iteration counts and grow as n^3 or worse. Restructure with lookups or joins.");

    public static readonly DiagnosticDescriptor LinearSearchInLoop = Create(
        Ids.LinearSearchInLoop,
        Categories.NestedLoops,
        DiagnosticSeverity.Info,
        "Linear search inside a loop",
        "'{0}' searches '{1}' linearly on every iteration of this loop; build a set or dictionary once before the loop",
        "A linear search over a collection that does not change in the loop makes the loop quadratic. Build a HashSet or dictionary once before the loop.");

    public static readonly DiagnosticDescriptor StringConcatenationInLoop = Create(
        Ids.StringConcatenationInLoop,
        Categories.StringConcatenation,
        DiagnosticSeverity.Warning,
        "String concatenation inside a loop",
        "String '{0}' is built by concatenation inside a loop; use a StringBuilder",
        "Each concatenation copies the whole string built so far, so building a string in a loop is quadratic. Append to a StringBuilder instead.");

    public static readonly DiagnosticDescriptor HttpClientPerOperation = Create(
        Ids.HttpClientPerOperation,
        Categories.Caching,
        DiagnosticSeverity.Warning,
        "HttpClient created per operation",
        "This HttpClient {0}; inject IHttpClientFactory or a typed client, or share one long-lived instance",
        "Each HttpClient with its own handler opens its own connection pool, and disposing it leaves its sockets in TIME_WAIT: under load the host runs out of ports. Inject IHttpClientFactory or a typed client, or share one long-lived instance (with SocketsHttpHandler.PooledConnectionLifetime where DNS changes matter).");

    public static readonly DiagnosticDescriptor CostlyObjectPerCall = Create(
        Ids.CostlyObjectPerCall,
        Categories.Caching,
        DiagnosticSeverity.Warning,
        "Costly object built on every call from constants",
        "This '{0}' is built from constants on every call{1}; keep one in a static readonly field",
        "A Regex parses its pattern (and with RegexOptions.Compiled emits IL) when it is constructed, and JsonSerializerOptions caches serialization metadata per instance. Built from constants on every call, the work is repeated and the caches are thrown away. Build the object once in a static readonly field and reuse it.");
    public static readonly DiagnosticDescriptor MaterializedThenFiltered = Create(
        Ids.MaterializedThenFiltered,
        Categories.MemoryUsage,
        DiagnosticSeverity.Warning,
        "Query materialized, then narrowed in memory",
        "'{0}' loads every row of the query into memory before '{1}' narrows it; apply '{1}' in the query",
        "Materializing a query and then filtering, aggregating, sorting or paging the list makes the database send (and EF track) every row. Apply the operator in the query, before the materialization.");

    public static readonly DiagnosticDescriptor WholeFileReadToEnumerate = Create(
        Ids.WholeFileReadToEnumerate,
        Categories.MemoryUsage,
        DiagnosticSeverity.Info,
        "Whole file read into memory to be enumerated once",
        "'{0}' holds every line of the file in memory only to enumerate them once; use 'File.ReadLines'",
        "File.ReadAllLines loads the whole file into an array. When the lines are enumerated once, File.ReadLines streams them one at a time.");

    public static readonly DiagnosticDescriptor XmlSerializerPerCall = Create(
        Ids.XmlSerializerPerCall,
        Categories.MemoryUsage,
        DiagnosticSeverity.Warning,
        "XmlSerializer constructor that emits an assembly on every call",
        "This XmlSerializer constructor generates and loads a new assembly on every call, which is never unloaded; create the serializer once and cache it",
        "Only XmlSerializer(Type) and XmlSerializer(Type, string) reuse a cached serialization assembly. Every other constructor generates a new one on each call, and loaded assemblies are never unloaded. Create the serializer once, in a static field.");
    public static readonly DiagnosticDescriptor QueryThroughCallInLoop = Create(
        Ids.QueryThroughCallInLoop,
        Categories.NPlusOneQuery,
        DiagnosticSeverity.Warning,
        "Database round trip through a call inside a loop",
        "'{0}' runs a database query on every iteration of this loop{2} ({1})",
        "A method called on every iteration of a loop runs a database round trip on every call, through the layers below it (service, repository): one round trip per item, the N+1 query problem. Fetch all items with one query before the loop.");

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLink(id));
}
