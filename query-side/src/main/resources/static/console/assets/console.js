/* The console's charts: each element with data-chart holds the figures it draws (as the API answers them) and
   data-kind says how to draw them. The figures stay in the page, so tests and screen readers can read them. */
(function () {
    'use strict';
    if (typeof echarts === 'undefined') {
        return;
    }
    var lang = document.documentElement.lang || 'zh-CN';
    var zh = lang.indexOf('zh') === 0;
    var t = function (chinese, english) { return zh ? chinese : english; };
    var link = function (figure) {
        var a = document.querySelector('[data-figure="' + figure + '"]');
        return a ? a.getAttribute('href') : null;
    };
    var monthLink = function (figure, month) {
        var a = document.querySelector('[data-month="' + month + '"] [data-month-figure="' + figure + '"]');
        return a ? a.getAttribute('href') : null;
    };
    var go = function (href) { if (href) { window.location.href = href; } };

    var draw = {
        balance: function (months) {
            return {
                tooltip: {trigger: 'axis'},
                legend: {top: 0},
                grid: {left: 50, right: 50, top: 40, bottom: 30},
                xAxis: {type: 'category', data: months.map(function (m) { return m.month; })},
                yAxis: [{type: 'value', name: t('人口', 'population'), scale: true},
                        {type: 'value', name: t('变动', 'change')}],
                series: [
                    {name: t('期末人口', 'closing'), type: 'line', data: months.map(function (m) { return m.closing; })},
                    {name: t('出生', 'births'), type: 'bar', yAxisIndex: 1, data: months.map(function (m) { return m.births; }), figure: 'births'},
                    {name: t('迁入', 'moved in'), type: 'bar', yAxisIndex: 1, data: months.map(function (m) { return m.movedIn; }), figure: 'populationMovedIn'},
                    {name: t('死亡', 'deaths'), type: 'bar', yAxisIndex: 1, data: months.map(function (m) { return -m.deaths; }), figure: 'deaths'},
                    {name: t('迁出', 'moved out'), type: 'bar', yAxisIndex: 1, data: months.map(function (m) { return -m.movedOut; }), figure: 'populationMovedOut'}
                ]
            };
        },
        pyramid: function (pyramid) {
            var bands = pyramid.bands;
            return {
                tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'},
                    valueFormatter: function (v) { return Math.abs(v); }},
                legend: {top: 0},
                grid: {left: 60, right: 30, top: 40, bottom: 30},
                xAxis: {type: 'value', axisLabel: {formatter: function (v) { return Math.abs(v); }}},
                yAxis: {type: 'category', data: bands.map(function (b) { return b.label; })},
                series: [
                    {name: t('男', 'male'), type: 'bar', stack: 'p', data: bands.map(function (b) { return -b.male; }),
                     links: bands.map(function (b) { return '[data-band="' + b.label + '"] [data-sex=MALE]'; })},
                    {name: t('女', 'female'), type: 'bar', stack: 'p', data: bands.map(function (b) { return b.female; }),
                     links: bands.map(function (b) { return '[data-band="' + b.label + '"] [data-sex=FEMALE]'; })}
                ]
            };
        },
        births: function (months) {
            // two stacks a month: by sex and by birth order; each bar links to that month's list (data-month-figure)
            var series = function (name, stack, figure, value) {
                return {name: name, type: 'bar', stack: stack, figure: figure,
                        months: months.map(function (m) { return m.month; }), data: months.map(value)};
            };
            return {
                tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
                legend: {top: 0},
                grid: {left: 40, right: 20, top: 50, bottom: 30},
                xAxis: {type: 'category', data: months.map(function (m) { return m.month; })},
                yAxis: {type: 'value', minInterval: 1},
                series: [
                    series(t('男', 'male'), 'sex', 'maleBirths', function (m) { return m.male; }),
                    series(t('女', 'female'), 'sex', 'femaleBirths', function (m) { return m.female; }),
                    series(t('一孩', '1st'), 'order', 'firstBirths', function (m) { return m.byOrder['1']; }),
                    series(t('二孩', '2nd'), 'order', 'secondBirths', function (m) { return m.byOrder['2']; }),
                    series(t('三孩及以上', '3rd+'), 'order', 'thirdOrLaterBirths', function (m) { return m.byOrder['3+']; })
                ]
            };
        },
        floating: function (ind) {
            var f = ind.floating;
            return {
                tooltip: {},
                grid: {left: 40, right: 20, top: 20, bottom: 30},
                xAxis: {type: 'category', data: [t('流入', 'in'), t('流出', 'out'), t('期末流入人口', 'floating at end')]},
                yAxis: {type: 'value', minInterval: 1},
                series: [{type: 'bar', data: [f.movedIn, f.movedOut, f.floatingInAtEnd],
                          figures: ['movedIn', 'movedOut', 'floatingInAtEnd']}]
            };
        },
        coverage: function (byCommunity) {
            var codes = Object.keys(byCommunity);
            return {
                tooltip: {trigger: 'axis'},
                grid: {left: 40, right: 20, top: 20, bottom: 60},
                xAxis: {type: 'category', data: codes, axisLabel: {rotate: 30}},
                yAxis: {type: 'value', max: 100, name: '%'},
                series: [{name: t('覆盖率', 'coverage'), type: 'bar',
                          data: codes.map(function (c) { return byCommunity[c].value; }),
                          links: codes.map(function (c) { return '[data-outreach="' + c + '"]'; })}]
            };
        },
        benefits: function (ind) {
            var programmes = Object.keys(ind.benefits.byProgramme);
            var names = {ONLY_CHILD_PARENT_AWARD: t('独生子女父母奖励', 'only-child award'),
                         RURAL_REWARD_SUPPORT: t('农村奖励扶助', 'rural reward'),
                         SPECIAL_SUPPORT: t('特别扶助', 'special support')};
            return {
                tooltip: {trigger: 'axis'},
                legend: {top: 0},
                grid: {left: 50, right: 50, top: 40, bottom: 30},
                xAxis: {type: 'category', data: programmes.map(function (p) { return names[p] || p; })},
                yAxis: [{type: 'value', name: t('人', 'recipients'), minInterval: 1}, {type: 'value', name: t('元', 'yuan')}],
                series: [
                    {name: t('享受人数', 'recipients'), type: 'bar', figure: 'benefitRecipients',
                     data: programmes.map(function (p) { return ind.benefits.byProgramme[p].recipients; })},
                    {name: t('发放金额', 'paid'), type: 'bar', yAxisIndex: 1, figure: 'payments',
                     data: programmes.map(function (p) { return Number(ind.benefits.byProgramme[p].amountPaid); })}
                ]
            };
        }
    };

    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
        var kind = element.getAttribute('data-kind');
        var option = draw[kind](JSON.parse(element.getAttribute('data-chart')));
        option.animation = false;
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        chart.setOption(option);
        chart.on('click', function (params) {
            var series = option.series[params.seriesIndex] || {};
            var figure = series.figures ? series.figures[params.dataIndex] : series.figure;
            if (series.links) {
                var a = document.querySelector(series.links[params.dataIndex]);
                go(a ? a.getAttribute('href') : null);
                return;
            }
            if (series.months) {
                go(monthLink(figure, series.months[params.dataIndex]));
                return;
            }
            go(figure ? link(figure) : null);
        });
        element.setAttribute('data-drawn', 'true');
        charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
