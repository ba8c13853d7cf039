// GraphiQL on the gateway's own copies of React and GraphiQL (no CDN). The persona picker (/sandbox) leaves the
// persona's Authorization header and the home query in localStorage; they are the editor's starting content.
const storedHeaders = localStorage.getItem('graphiql:headers');
const storedQuery = localStorage.getItem('graphiql:query');
const fetcher = GraphiQL.createFetcher({url: `${location.protocol}//${location.host}/graphql`});
ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher,
    headers: storedHeaders || undefined,
    query: storedQuery || undefined,
    shouldPersistHeaders: true,
    defaultEditorToolsVisibility: true,
}));
