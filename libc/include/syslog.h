// syslog.h: system error logging. Messages go to stderr, one line each: a
// UTC timestamp, the priority and the message.
//
// Features missing:
// - A system logger: programs log to the descriptor their stderr was
//   attached to. openlog() and closelog() only exist for portability.
#ifndef _SYSLOG_H_
#define _SYSLOG_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif

#define LOG_EMERG 0
#define LOG_ALERT 1
#define LOG_CRIT 2
#define LOG_ERR 3
#define LOG_WARNING 4
#define LOG_NOTICE 5
#define LOG_INFO 6
#define LOG_DEBUG 7
#define LOG_MASK(p) (1 << (p))
#define LOG_UPTO(p) (LOG_MASK((p) + 1) - 1)

// Facilities and openlog() options are accepted and ignored, so they are
// all zero, as in cloudlibc.
#define LOG_KERN 0
#define LOG_USER 0
#define LOG_MAIL 0
#define LOG_NEWS 0
#define LOG_UUCP 0
#define LOG_DAEMON 0
#define LOG_AUTH 0
#define LOG_CRON 0
#define LOG_LPR 0
#define LOG_LOCAL0 0
#define LOG_LOCAL1 0
#define LOG_LOCAL2 0
#define LOG_LOCAL3 0
#define LOG_LOCAL4 0
#define LOG_LOCAL5 0
#define LOG_LOCAL6 0
#define LOG_LOCAL7 0

#define LOG_PID 0
#define LOG_CONS 0
#define LOG_NDELAY 0
#define LOG_ODELAY 0
#define LOG_NOWAIT 0

__BEGIN_DECLS
void closelog(void);
void openlog(const char *, int, int);
int setlogmask(int);
void syslog(int, const char *, ...) __printflike(2, 3);
void syslog_l(int, locale_t, const char *, ...) __printflike(3, 4);
void vsyslog(int, const char *, __va_list) __printflike(2, 0);
void vsyslog_l(int, locale_t, const char *, __va_list) __printflike(3, 0);
__END_DECLS

#endif
