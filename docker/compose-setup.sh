#!/bin/sh
# The compose file's one-shot setup, through the operator's CLI: onboard a demo integrator, issue its key (printed
# once, here), store its database login with the vendor, register the Link and write the Link's configuration.
set -eu
admin() { java -jar /opt/halo/halo-admin.jar "$@"; }
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

until admin integrators list >/dev/null 2>&1; do echo "waiting for the cloud…"; sleep 2; done
if [ -f /link-config/link.json ]; then
  echo "already set up"; exit 0
fi
integrator=$(admin integrators add "Demo Integrator" | field id)
key=$(admin keys issue "$integrator" | field key)
printf %s "$DEMO_LOGIN_PASSWORD" | admin vendor set "$integrator" best-practice "$DEMO_LOGIN_USER" >/dev/null
credential=$(admin links register practice-server | field credential)
umask 077
cat > /link-config/link.json <<JSON
{ "cloud": "ws://cloud:8080/link/v1", "allowPlainWebSocket": true, "credential": "$credential",
  "heartbeatSeconds": 15,
  "databases": [ { "key": "bp-main", "pms": "$DEMO_PMS", "pmsId": "$DEMO_PMS_ID", "practiceName": "$DEMO_PRACTICE",
                   "catalogues": { "BPSPatients": "jdbc:h2:tcp://demo-pms:9092/BPSPatients" },
                   "linkUrlOptions": ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                   "linkUser": "HALOLINK", "linkPassword": "$DEMO_OWNER_PASSWORD",
                   "enabledLoginsQuery": "SELECT DBLOGIN FROM dbo.INTEGRATIONS WHERE RECORDSTATUS = 1 AND ENABLED = 1" } ] }
JSON
chmod 644 /link-config/link.json   # read by the Link's own user in its container
echo "Demo Integrator's subscription key (shown once): $key"
echo "its site: GET http://localhost:8080/integrator/sites?practiceManagementSiteId=$DEMO_PMS_ID&practiceManagementName=BestPractice"
