// The persona picker: signs GraphiQL in as a demo persona with a token from POST /sandbox/token.
const HOME_QUERY = `query home {
  me {
    personId
    profile { name idNumberMasked }
    journey { stage eligibleFrom actions { code message availableFrom } blockers { code message } }
    reminders { kind dueOn message }
    residenceRegistration { status registeredOn eligibleFrom address { district street } }
    residencePermit { status validUntil autoEndorsement { eligible reason } }
    applications(scope: OPEN) {
      id kind status
      delivery { method trackingNumber serviceCenter { name address } shipment { status estimatedDelivery codAmount } }
    }
    photos { id compliant problems }
  }
}`;

async function signIn(persona) {
    const response = await fetch('/sandbox/token', {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({persona})
    });
    const token = await response.json();
    document.getElementById('token').textContent = token.accessToken;
    localStorage.setItem('graphiql:headers',
        JSON.stringify({Authorization: 'Bearer ' + token.accessToken}, null, 2));
    localStorage.setItem('graphiql:query', HOME_QUERY);
    window.location.href = '/graphiql?path=/graphql';
}

fetch('/sandbox/personas').then(r => r.json()).then(personas => {
    const body = document.getElementById('personas');
    for (const p of personas) {
        const row = document.createElement('tr');
        for (const text of [p.id, p.name, p.description]) {
            const cell = document.createElement('td');
            cell.textContent = text;
            row.appendChild(cell);
        }
        const cell = document.createElement('td');
        const button = document.createElement('button');
        button.textContent = '以此身份登录 / sign in';
        button.onclick = () => signIn(p.id);
        cell.appendChild(button);
        row.appendChild(cell);
        body.appendChild(row);
    }
});
