#!/bin/sh
# Writes main.cf from Debian's defaults plus the Integreat.Lists lines, then runs Postfix in the foreground
# with its log on standard output.
set -eu
cp /usr/share/postfix/main.cf.debian /etc/postfix/main.cf
cat /etc/postfix/integreat-main.cf >> /etc/postfix/main.cf
postconf -e "myhostname = ${MYHOSTNAME:-mx.example.org}" \
            "mydestination = localhost" \
            "mynetworks = ${MYNETWORKS:-127.0.0.0/8}" \
            "maillog_file = /dev/stdout" \
            "inet_protocols = ipv4"
cp /etc/resolv.conf /var/spool/postfix/etc/resolv.conf 2>/dev/null || true
exec postfix start-fg
