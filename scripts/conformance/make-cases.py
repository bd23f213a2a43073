import json, re, glob, csv, sys
"""Writes test/conformance/published-cases.json: every published PyPortfolioOpt / Riskfolio-Lib test case,
the expected numbers transcribed from the libraries' tests, how Frontier runs each, or why it does not apply.
usage: python3 scripts/conformance/make-cases.py PYPFOPT_CHECKOUT RISKFOLIO_CHECKOUT
"""
OUT='test/conformance/published-cases.json'
PPO_DIR=sys.argv[1] + '/tests'  # a checkout of robertmartin8/PyPortfolioOpt at 65cabce
RF_DIR=sys.argv[2] + '/tests'  # a checkout of dcajasn/Riskfolio-Lib at 632a9e4
PPO='robertmartin8/PyPortfolioOpt@65cabce'
RF='dcajasn/Riskfolio-Lib@632a9e4'
cases=[]
def add(file,test,**kw):
    c={'id':f'pypfopt/{file}::{test}','source':f'{PPO} tests/{file}'}
    c.update(kw); cases.append(c)
U=[-1000,1000]  # weight_bounds=(None, None): far-away bounds that never bind (checked by the runner)
EF='test_efficient_frontier.py'
def ef(test, objective, expected, targets=None, constraints=None, estimators=None, tol=None, figures='mv', note=None, oracle='published'):
    run={'type':'optimize','data':'pypfopt','options':{'objective':objective,'targets':{'rf':0.02,**(targets or {})},'constraints':constraints or {},'estimators':estimators or {}},'figures':figures}
    d=dict(applies=True,run=run,expected=expected,tolerance=tol or {'rtol':1e-7,'atol':0},oracle=oracle)
    if note: d['note']=note
    add(EF if figures=='mv' else figures_file[figures],test,**d)
figures_file={}
ef('test_min_volatility','min-volatility',[0.15056821399482578,0.15915084514118694,0.8204054077060996])
ef('test_min_volatility_different_solver','min-volatility',[0.150567,0.159150,0.820403],tol={'rtol':1e-7,'atol':1e-5},note='ECOS/OSQP/SCS variants of one figure; Frontier has one solver path')
ef('test_min_volatility_no_rets','min-volatility',[None,0.15915084514118694,None],tol={'decimal':7})
ef('test_min_volatility_short','min-volatility',[0.1516319319875544,0.1555915367269669,0.8460095886741129],constraints={'bounds':U})
ef('test_min_volatility_L2_reg','min-volatility',[0.17356099329164965,0.1955254118258614,0.785376140408869],constraints={'l2':1})
ef('test_min_volatility_tx_costs_L2_reg','min-volatility',[0.17363446634404042,0.1959773703677164,0.7839398296638683],constraints={'l2':1,'txCost':0.001,'currentWeights':'equal'})
ef('test_max_sharpe_long_only','max-sharpe',[0.3047768672819914,0.22165566922402932,1.2847714127003216])
ef('test_max_sharpe_short','max-sharpe',[0.4937195216716211,0.29516576454651955,1.6049270564945908],constraints={'bounds':U})
ef('test_max_sharpe_L2_reg','max-sharpe',[0.2516854357026833,0.22043282695478603,1.051047790401043],constraints={'l2':5})
ef('test_max_sharpe_L2_reg_with_shorts','max-sharpe',[0.2995338981166366,0.2234696161770517,1.2508810052063901],constraints={'l2':1,'bounds':U})
ef('test_max_quadratic_utility','max-utility',[0.3677732711751504,0.2921342197778279,1.1904571516463793],targets={'riskAversion':2})
ef('test_max_quadratic_utility_with_shorts','max-utility',[1.4170505733098597,1.0438577623242156,1.3383533884915872],constraints={'bounds':[-1,1]})
ef('test_max_quadratic_utility_market_neutral','max-utility',[1.248936321062371,1.0219175004907117,1.2025787996313317],constraints={'bounds':[-1,1],'marketNeutral':True})
ef('test_max_quadratic_utility_L2_reg','max-utility',[0.19774277217586125,0.2104822672707046,0.8444548535162986],constraints={'l2':5})
ef('test_efficient_risk','efficient-risk',[0.2552422849133517,0.19,1.2381172871434818],targets={'targetVolatility':0.19},tol={'rtol':1e-7,'atol':1e-6})
ef('test_efficient_risk_short','efficient-risk',[0.30035471606347336,0.19,1.4755511348079207],targets={'targetVolatility':0.19},constraints={'bounds':[-1,1]},tol={'rtol':1e-7,'atol':1e-6})
ef('test_efficient_risk_L2_reg','efficient-risk',[0.1931352562313653,0.18999999989010993,0.9112381912184281],targets={'targetVolatility':0.19},constraints={'l2':5},tol={'rtol':1e-4,'atol':0})
ef('test_efficient_risk_market_neutral','efficient-risk',[0.28640632960825885,0.21,1.2686015698590967],targets={'targetVolatility':0.21},constraints={'bounds':[-1,1],'marketNeutral':True},tol={'rtol':1e-7,'atol':1e-6})
ef('test_efficient_risk_market_neutral_L2_reg','efficient-risk',[0.12790320789339854,0.1175336636355454,0.9180621496492316],targets={'targetVolatility':0.19},constraints={'bounds':[-1,1],'marketNeutral':True,'l2':1},tol={'rtol':1e-7,'atol':1e-6})
ef('test_efficient_return','efficient-return',[0.25,0.18723269942026335,1.2284179030274036],targets={'targetReturn':0.25},tol={'rtol':1e-7,'atol':1e-6})
ef('test_efficient_return_L2_reg','efficient-return',[0.25,0.20961660883459776,1.0972412981906703],targets={'targetReturn':0.25},constraints={'l2':1})
ef('test_efficient_return_market_neutral','efficient-return',[0.25,0.1833060046337015,1.2547324920403273],targets={'targetReturn':0.25},constraints={'bounds':[-1,1],'marketNeutral':True},tol={'decimal':7})
ef('test_max_sharpe_semicovariance','max-sharpe',[0.2762965426962885,0.07372667096108301,3.476307004714425],estimators={'risk':'semicovariance'})
ef('test_max_sharpe_short_semicovariance','max-sharpe',[0.42444834528495234,0.0898263632679403,4.50255727350929],estimators={'risk':'semicovariance'},constraints={'bounds':[-1,1]})
ef('test_min_volatility_shrunk_L2_reg','min-volatility',[0.17358178582309983,0.19563960638632416,0.7850239972361532],estimators={'risk':'ledoit-wolf-constant-correlation'},constraints={'l2':1})
ef('test_efficient_return_shrunk','efficient-return',[0.22,0.08892163937693882,2.2491713085967766],estimators={'risk':'ledoit-wolf-single-factor'},targets={'targetReturn':0.22})
ef('test_max_sharpe_exp_cov','max-sharpe',[0.33700887443850647,0.1807332515488447,1.7540152225548384],estimators={'risk':'exp','span':180})
ef('test_min_volatility_exp_cov_L2_reg','min-volatility',[0.1829496087575576,0.17835412793427002,0.9136295898775636],estimators={'risk':'exp','span':180},constraints={'l2':1})
ef('test_efficient_risk_exp_cov_market_neutral','efficient-risk',[0.3934093962620499,0.18999999989011893,1.9653126130421081],estimators={'risk':'exp','span':180},targets={'targetVolatility':0.19},constraints={'bounds':[-1,1],'marketNeutral':True},tol={'rtol':1e-7,'atol':1e-6})
# moments given directly (the --mu/--cov capability)
add(EF,'test_efficient_return_longshort_target',applies=True,run={'type':'moments','tickers':[f'A{i}' for i in range(9)],'mu':[-0.15,-0.12,-0.1,-0.05,-0.01,0.02,0.03,0.04,0.05],'covDiag':[0.2,0.2,0.4,0.3,0.1,0.5,0.2,0.3,0.1],'options':{'objective':'efficient-return','targets':{'rf':0.02,'targetReturn':0.08},'constraints':{'bounds':[-1,1],'marketNeutral':True}}},expected=[0.08,0.16649041068958137,0.3603811159542937],tolerance={'rtol':1e-7,'atol':1e-6},oracle='published')
# CLA
CLA='test_cla.py'
def cla(test,objective,expected,oracle,constraints=None,estimators=None,note=None):
    d=dict(applies=True,run={'type':'optimize','data':'pypfopt','options':{'objective':objective,'targets':{'rf':0.02},'constraints':constraints or {},'estimators':estimators or {}},'figures':'mv'},expected=expected,tolerance={'rtol':1e-7,'atol':0},oracle=oracle)
    if note: d['note']=note
    add(CLA,test,**d)
cla('test_cla_min_volatility','min-volatility',[0.1505682139948257,0.15915084514118688,0.8204054077060994],'published')
ex='exact: the published CLA figure comes from a golden-section search along the CLA path and is below the true maximum Sharpe ratio; the exact optimum of the same problem is the published EfficientFrontier figure of {}'
cla('test_cla_max_sharpe_long_only','max-sharpe',[0.3047768672819914,0.22165566922402932,1.2847714127003216],'exact',note=ex.format('test_max_sharpe_long_only')+' (CLA published 0.2994470912768992, 0.21764331657015668, 1.283968171780824)')
cla('test_cla_max_sharpe_semicovariance','max-sharpe',[0.2762965426962885,0.07372667096108301,3.476307004714425],'exact',estimators={'risk':'semicovariance'},note=ex.format('test_max_sharpe_semicovariance')+' (CLA published 0.2721798377099145, 0.07258537193305141, 3.474251505420551)')
cla('test_cla_max_sharpe_exp_cov','max-sharpe',[0.33700887443850647,0.1807332515488447,1.7540152225548384],'exact',estimators={'risk':'exp','span':180},note=ex.format('test_max_sharpe_exp_cov')+' (CLA published 0.32971891062187103, 0.17670121760851704, 1.7527831149871063)')
cla('test_cla_min_volatility_exp_cov_short','min-volatility',[0.23215576461823062,0.1325959061825329,1.6000174569958052],'published',constraints={'bounds':[-1,1]},estimators={'risk':'exp','span':180})

# ---- part 2: semivariance, CVaR, CDaR (setup: prices.dropna() → completeRows for μ and scenarios)
CR={'completeRows':True}
def sc(file,test,objective,expected,tol,figures,targets=None,constraints=None,advanced=None,window=CR,note=None,fromMin=None,oracle='published'):
    run={'type':'optimize','data':'pypfopt','window':window,'options':{'objective':objective,'targets':{'rf':0.02 if figures=='semi' else 0,**(targets or {})},'constraints':constraints or {},**({'advanced':advanced} if advanced else {})},'figures':figures}
    if fromMin is not None: run['targetFromMin']=fromMin
    d=dict(applies=True,run=run,expected=expected,tolerance=tol,oracle=oracle)
    if note: d['note']=note
    add(file,test,**d)
T4={'rtol':1e-4,'atol':1e-4}
ES='test_efficient_semivariance.py'
SEMI={'riskMeasure':'semideviation'}
sc(ES,'test_es_example','min-semivariance',[0.20,0.091287,1.971794],T4,'semi',targets={'targetReturn':0.2})
sc(ES,'test_es_return_sample','min-semivariance',[0.2,0.091287,1.971794],T4,'semi',targets={'targetReturn':0.2})
sc(ES,'test_es_example_weekly','min-semivariance',[0.2000000562544616,0.07667633475531543,2.3475307841574087],T4,'semi',targets={'targetReturn':0.2},advanced={'resample':'weekly','expectedReturnsWindow':{}})
sc(ES,'test_es_example_monthly','min-semivariance',[0.3,0.04746519522734184,5.899059271933824],T4,'semi',targets={'targetReturn':0.3},advanced={'resample':'monthly','expectedReturnsWindow':{}})
sc(ES,'test_min_semivariance','min-semivariance',[0.091059,0.084974,0.836243],{'rtol':1e-3,'atol':1e-3},'semi')
sc(ES,'test_min_semivariance_different_solver','min-semivariance',[0.091159,0.08496,0.837566],{'rtol':1e-2,'atol':1e-2},'semi')
sc(ES,'test_min_semivariance_L2_reg','min-semivariance',[0.089844,0.112864,0.618832],T4,'semi',constraints={'l2':1})
sc(ES,'test_max_quadratic_utility','max-utility',[0.50857,0.17469,2.796777],T4,'semi',targets={'riskAversion':2},advanced=SEMI)
sc(ES,'test_max_quadratic_utility_with_shorts','max-utility',[3.380009,1.021973,3.287767],T4,'semi',constraints={'bounds':[-1,1]},advanced=SEMI)
sc(ES,'test_max_quadratic_utility_market_neutral','max-utility',[3.20978,0.968704,3.292832],T4,'semi',constraints={'bounds':[-1,1],'marketNeutral':True},advanced=SEMI)
sc(ES,'test_max_quadratic_utility_L2_reg','max-utility',[0.090208,0.112854,0.62212],T4,'semi',constraints={'l2':5},advanced=SEMI)
sc(ES,'test_efficient_risk','efficient-risk',[0.508571,0.174691,2.796777],T4,'semi',advanced={**SEMI,'riskTarget':0.2},note='the 0.2 cap does not bind: the max-return corner has semideviation 0.1747')
sc(ES,'test_efficient_risk_market_neutral','efficient-risk',[1.020958,0.210008,4.766278],T4,'semi',constraints={'bounds':[-1,1],'marketNeutral':True},advanced={**SEMI,'riskTarget':0.21})
sc(ES,'test_efficient_risk_L2_reg','efficient-risk',[0.288996,0.131377,2.047509],T4,'semi',constraints={'l2':1},advanced={**SEMI,'riskTarget':0.19})
sc(ES,'test_efficient_return','min-semivariance',[0.25,0.098453,2.33615],T4,'semi',targets={'targetReturn':0.25})
sc(ES,'test_efficient_return_short','min-semivariance',[0.25,0.090188,2.550234],T4,'semi',targets={'targetReturn':0.25},constraints={'bounds':U})
sc(ES,'test_efficient_return_L2_reg','min-semivariance',[0.25,0.121407,1.894448],T4,'semi',targets={'targetReturn':0.25},constraints={'l2':1})
sc(ES,'test_efficient_risk_low_risk','efficient-risk',[0.228096,0.094974,2.191091],{'rtol':1e-4,'atol':0},'semi',advanced={**SEMI,'riskTarget':0.094974},note="published: efficient_risk(min_value + 0.01) with min_value PyPortfolioOpt's own min-semivariance figure, 0.084974 (published in test_min_semivariance; the exact minimum is 0.0849598, 1.4e-5 lower, within that test's 1e-3 tolerance). The cap is taken from the published figure: 0.094974")

CV='test_efficient_cvar.py'
CVAR=lambda cap: {'riskMeasure':'cvar','riskTarget':cap}
sc(CV,'test_cvar_example','min-cvar',[0.17745746040573562,0.017049502122532853],T4,'cvar',advanced={'expectedReturnsWindow':{}},note='μ from the full price history, scenarios from the complete rows')
sc(CV,'test_es_return_sample','efficient-cvar',[0.2,0.017222],T4,'cvar',targets={'targetReturn':0.2},advanced={'expectedReturnsWindow':{}})
sc(CV,'test_cvar_example_weekly','efficient-cvar',[0.2,0.03447723250708958],T4,'cvar',targets={'targetReturn':0.2},advanced={'resample':'weekly','expectedReturnsWindow':{}})
sc(CV,'test_cvar_example_monthly','efficient-cvar',[0.2,0.02343809217822161],T4,'cvar',targets={'targetReturn':0.2},advanced={'resample':'monthly','expectedReturnsWindow':{}})
sc(CV,'test_cvar_example_short','efficient-cvar',[0.2,0.008481],T4,'cvar',targets={'targetReturn':0.2},constraints={'bounds':[-1,1],'marketNeutral':True})
sc(CV,'test_min_cvar_different_solver','min-cvar',[0.08447037713814826,0.017049502122532853],{'rtol':1e-2,'atol':1e-2},'cvar')
sc(CV,'test_min_cvar_L2_reg','min-cvar',[0.08981817616931259,0.020427209685618623],T4,'cvar',constraints={'l2':0.1})
sc(CV,'test_efficient_risk','efficient-risk',[0.2267893986249195,0.02],T4,'cvar',advanced=CVAR(0.02))
sc(CV,'test_efficient_risk_low_risk','efficient-risk',[0.363470415007482,None],T4,'cvar',advanced={'riskMeasure':'cvar'},fromMin={'objective':'min-cvar','plus':0.01},note='the cap is the min-CVaR figure + 0.01, as published; the runner fills that figure in')
sc(CV,'test_efficient_risk_market_neutral','efficient-risk',[0.5895653670063358,0.025],T4,'cvar',constraints={'bounds':[-1,1],'marketNeutral':True},advanced=CVAR(0.025))
sc(CV,'test_efficient_risk_L2_reg','efficient-risk',[0.2889961577134966,0.029122293560189944],T4,'cvar',constraints={'l2':1},advanced=CVAR(0.03),oracle='exact',note='exact: the 0.03 cap does not bind, so the optimum is argmax μᵀw − ‖w‖² on the simplex (unique); its historical CVaR is 0.0291222936 (scripts/conformance/exact-l2.py). The published 0.029393474756427136 is the value of the slack LP variables α + Σu/((1−β)T), an upper bound the solver need not tighten when the cap is slack; the published return 0.2889961577134966 agrees with the exact optimum')
sc(CV,'test_efficient_return','efficient-cvar',[0.25,0.021036631225933487],T4,'cvar',targets={'targetReturn':0.25})
sc(CV,'test_efficient_return_short','efficient-cvar',[0.26,0.01804624747353764],T4,'cvar',targets={'targetReturn':0.26},constraints={'bounds':[-3,3]})
sc(CV,'test_efficient_return_L2_reg','efficient-cvar',[0.25,0.02660410793952383],T4,'cvar',targets={'targetReturn':0.25},constraints={'l2':1})

CD='test_efficient_cdar.py'
CDAR=lambda cap: {'riskMeasure':'cdar','riskTarget':cap}
sc(CD,'test_cdar_example','min-cdar',[0.14798,0.056433],T4,'cdar')
sc(CD,'test_es_return_sample','efficient-cdar',[0.2,0.063709],T4,'cdar',targets={'targetReturn':0.2})
sc(CD,'test_cdar_example_weekly','efficient-cdar',[0.21,0.045085],T4,'cdar',targets={'targetReturn':0.21,'beta':0.9},advanced={'resample':'weekly','expectedReturnsWindow':{}})
sc(CD,'test_cdar_example_monthly','efficient-cdar',[0.23,0.035683],T4,'cdar',targets={'targetReturn':0.23,'beta':0.9},advanced={'resample':'monthly','expectedReturnsWindow':{}})
sc(CD,'test_cdar_example_short','efficient-cdar',[0.2,0.022799],T4,'cdar',targets={'targetReturn':0.2},constraints={'bounds':[-1,1],'marketNeutral':True})
sc(CD,'test_min_cdar_different_solver','min-cdar',[0.14798,0.056433],{'rtol':1e-2,'atol':1e-2},'cdar')
sc(CD,'test_min_cdar_L2_reg','min-cdar',[0.135105,0.060849],T4,'cdar',constraints={'l2':0.1})
sc(CD,'test_efficient_risk','efficient-risk',[0.261922,0.08],T4,'cdar',advanced=CDAR(0.08))
sc(CD,'test_efficient_risk_low_risk','efficient-risk',[0.212772,None],T4,'cdar',advanced={'riskMeasure':'cdar'},fromMin={'objective':'min-cdar','plus':0.01},note='the cap is the min-CDaR figure + 0.01, as published; the runner fills that figure in')
sc(CD,'test_efficient_risk_market_neutral','efficient-risk',[0.219306,0.025],T4,'cdar',constraints={'bounds':[-1,1],'marketNeutral':True},advanced=CDAR(0.025))
sc(CD,'test_efficient_risk_L2_reg','efficient-risk',[0.288999,0.15567841183076633],T4,'cdar',constraints={'l2':1},advanced=CDAR(0.18),oracle='exact',note='exact: the 0.18 cap does not bind, so the optimum is argmax μᵀw − ‖w‖² on the simplex (unique, return 0.2889962 as published); its historical CDaR is 0.1556784 (scripts/conformance/exact-l2.py). The published 0.178443 is the value of the slack LP variables, not the CDaR of the weights')
sc(CD,'test_efficient_return','efficient-cdar',[0.25,0.076193],T4,'cdar',targets={'targetReturn':0.25})
sc(CD,'test_efficient_return_short','efficient-cdar',[0.28,0.045999],T4,'cdar',targets={'targetReturn':0.28},constraints={'bounds':[-3,3]})
sc(CD,'test_efficient_return_L2_reg','efficient-cdar',[0.25,0.101115],T4,'cdar',targets={'targetReturn':0.25},constraints={'l2':1})

# ---- part 3: expected returns, HRP, Black–Litterman (published figures), Riskfolio-Lib weights
ER='test_expected_returns.py'
def er(test, expected, estimators, rf=0, market=None, tol={'decimal':6}):
    run={'type':'expected-returns','data':'pypfopt','estimators':estimators,'rf':rf}
    if market: run['market']=market
    add(ER,test,applies=True,run=run,expected=expected,tolerance=tol,oracle='published')
er('test_mean_historical_returns',[0.247967,0.294304,0.284037,0.1923164,0.371327,0.1360093,0.0328503,0.1200115,0.105540,0.0423457,0.1002559,0.1442237,-0.0792602,0.1430506,0.0736356,0.238835,0.388665,0.226717,0.1561701,0.2318153],{})
er('test_capm_no_benchmark',[0.22148462799238577,0.2835429647498704,0.14693081977908462,0.1488989354304723,0.4162399750335195,0.22716772604184535,0.3970337136813829,0.16733214988182069,0.31791477659742146,0.17279931642386534,0.15271750464365566,0.351778014382922,0.32859883451716376,0.1501938182844417,0.268295486802897,0.31632339201710874,0.27753479916328516,0.16959588523287855,0.3089119447773357,0.2558719211959501],{'returns':'capm'},rf=0.02)
er('test_capm_with_benchmark',[0.09115799375654746,0.09905386632033128,0.05676282405265752,0.06291827346436336,0.13147799781014877,0.10239088012000815,0.1311567086884512,0.07339649698626659,0.1301248935078549,0.07620949056643983,0.07629095442513395,0.12163575425541985,0.10400070536161658,0.0781736030988492,0.09185177050469516,0.10245700691271296,0.11268307946677197,0.07870087187919145,0.1275598841214107,0.09536788741392595],{'returns':'capm','market':'SPY'},rf=0.02,market='SPY')

HR='test_hrp.py'
hrpw=[l.strip().split(',') for l in open(f'{PPO_DIR}/resources/weights_hrp.csv').readlines()[1:]]
add(HR,'test_hrp_portfolio',applies=True,run={'type':'hrp-weights','data':'pypfopt','tickers':[t for t,_ in hrpw]},expected=[float(v) for _,v in hrpw],tolerance={'rtol':1e-2,'atol':0},oracle='published',note='weights from tests/resources/weights_hrp.csv (pandas assert_series_equal, rtol 1e-2)')
add(HR,'test_portfolio_performance',applies=True,run={'type':'optimize','data':'pypfopt','options':{'objective':'hrp','targets':{'rf':0.02},'estimators':{'returns':'arithmetic'}},'figures':'mv'},expected=[0.21353402380950973,0.17844159743748936,1.084579081272277],tolerance={'rtol':1e-7,'atol':0},oracle='published',note="HRPOpt(returns).portfolio_performance uses returns.mean()×252 and returns.cov()×252: Frontier's arithmetic estimator and sample covariance")
add(HR,'test_pass_cov_matrix',applies=True,run={'type':'optimize','data':'pypfopt','options':{'objective':'hrp','estimators':{'risk':'ledoit-wolf'}},'figures':'mv'},expected=[None,0.10002783894982334,None],tolerance={'decimal':7},oracle='published',note='HRPOpt(cov_matrix=Ledoit–Wolf): clustering on the correlation of that matrix')
add(HR,'test_cluster_var',applies=True,run={'type':'hrp-cluster-var','data':'pypfopt','tickers':["SHLD","AMD","BBY","RRC","FB","WMT","T","BABA","PFE","UAA"]},expected=[0.00012842967106653283],tolerance={'decimal':7},oracle='published')
add(HR,'test_quasi_dag',applies=True,run={'type':'hrp-order','data':'pypfopt'},expected=[12,6,15,14,2],tolerance={'decimal':0},oracle='published',note='leaf order in diagnostics.hrp.order')

BL='test_black_litterman.py'
MC={"GOOG":927e9,"AAPL":1.19e12,"FB":574e9,"BABA":533e9,"AMZN":867e9,"GE":96e9,"AMD":43e9,"WMT":339e9,"BAC":301e9,"GM":51e9,"T":61e9,"UAA":78e9,"SHLD":0,"XOM":295e9,"RRC":1e9,"BBY":22e9,"MA":288e9,"PFE":212e9,"JPM":422e9,"SBUX":102e9}
V5=[{'asset':'AAPL','return':0.20},{'asset':'BBY','return':-0.30},{'asset':'BAC','return':0},{'asset':'SBUX','return':-0.2},{'asset':'T','return':0.131321}]
def bl(test, expected, blk, figures, rf=0, estimators=None, tol=None, note=None, priorRf=None):
    run={'type':'black-litterman','data':'pypfopt','blackLitterman':blk,'figures':figures,'rf':rf,'estimators':estimators or {}}
    if priorRf is not None: run['priorRf']=priorRf
    d=dict(applies=True,run=run,expected=expected,tolerance=tol or {'rtol':1e-7,'atol':0},oracle='published')
    if note: d['note']=note
    add(BL,test,**d)
bl('test_market_implied_prior',[0.14933293,0.2168623,0.11219185,0.10362374,0.28416295,0.12196098,0.19036819,0.08860159,0.17724273,0.08779627,0.0791797,0.16460474,0.12854665,0.08657863,0.11230036,0.13875465,0.15017163,0.09066484,0.1696369,0.13270213],{'prior':'market','marketCaps':MC,'riskAversion':'spy','views':[]},'prior',rf=0.02,tol={'decimal':6},note='SHLD has a market cap of 0; δ implied from the whole SPY series (rf 0.02)')
bl('test_bl_market_prior',[0.2580693114409672,0.265445955488424,0.8968654692926723],{'prior':'market','marketCaps':MC,'riskAversion':'spy','views':[{'asset':'GOOG','return':0.4},{'asset':'AAPL','return':-0.3},{'asset':'FB','return':0.3},{'asset':'BABA','return':0}]},'performance',rf=0.02,note='bl_weights(δ) = (δΣ)⁻¹μ_post normalised, Σ the prior covariance; performance on the posterior returns and covariance')
bl('test_bl_equal_prior',[0.1877432247395778,0.3246889329226965,0.5166274785827545],{'prior':'equal','views':V5},'performance',rf=0.02,note='pi="equal" is 1/n (0.05) for every asset, as published')
bl('test_bl_returns_all_views',[0.11168648,0.16782938,0.12516799,0.24067997,0.32848296,-0.22789895,0.16311297,0.11928542,0.25414308,0.11007738,0.06282615,-0.03140218,-0.16977172,0.05254821,-0.10463884,0.32173375,0.26399864,0.1118594,0.22999558,0.08977448],{'prior':'historical','views':[{'asset':t,'return':0.1} for t in MC]},'posterior',estimators={'returns':'ema','risk':'ledoit-wolf'},tol={'decimal':6},note='prior = ema_historical_return (span 500), Σ = Ledoit–Wolf, one absolute view of 0.1 per asset')
bl('test_idzorek_with_priors',[0.943431295405105,0.5361412623208567,1.722365653051476],{'prior':'market','marketCaps':MC,'omega':'idzorek','views':[{'asset':'GOOG','return':0.4,'confidence':1},{'asset':'AAPL','return':-0.3,'confidence':1},{'asset':'FB','return':0.3,'confidence':0.25},{'asset':'BABA','return':0,'confidence':0.25}]},'performance',rf=0.02,priorRf=0,note='risk aversion 1 (the default) and rf 0 for the prior and bl_weights; rf 0.02 only in the Sharpe ratio')
bl('test_bl_weights',[0.0,1.40675,0.0,0.0,0.0,0.0,0.0,0.0,0.02651,0.0,2.81117,0.0,0.0,0.0,0.0,-1.44667,0.0,0.0,0.0,-1.79776],{'prior':'none','riskAversion':'spy','views':V5},'weights',tol={'decimal':5},note='clean_weights rounds to 5 decimals and zeroes |w| < 1e-4; δ from SPY with rf 0')
bl('test_market_risk_aversion',[2.68549],{'prior':'none','riskAversion':'spy','views':[]},'delta',rf=0.02,tol={'rtol':0,'atol':5e-6},note='np.round(δ, 5) == 2.68549')

DUMMY=[[4.0,2.0,0.6],[4.2,2.1,0.59],[3.9,2.0,0.58],[4.3,2.1,0.62],[4.1,2.2,0.63]]
add('test_risk_models.py','test_sample_cov_dummy',applies=True,run={'type':'inline-cov','data':'pypfopt','prices':DUMMY},expected=[0.006661687937656102,0.00264970955585574,0.0020849735375206195,0.00264970955585574,0.0023450491307634215,0.00096770864287974,0.0020849735375206195,0.00096770864287974,0.0016396416271856837],tolerance={'rtol':1e-5,'atol':1e-8},oracle='published',note='sample_cov/252 of an inline 5×3 price table (pandas assert_frame_equal: rtol 1e-5, atol 1e-8)')
add('test_risk_models.py','test_sample_cov_log_dummy',applies=True,run={'type':'inline-cov','data':'pypfopt','prices':DUMMY,'estimators':{'logReturns':True}},expected=[0.006507,0.002652,0.001965,0.002652,0.002345,0.000950,0.001965,0.000950,0.001561],tolerance={'rtol':1e-5,'atol':1e-5},oracle='published')
add('test_objective_functions.py','test_volatility',applies=True,run={'type':'evaluate','data':'pypfopt','figures':'variance'},expected=[0.04498224489292057],tolerance={'decimal':7},oracle='published',note='portfolio_variance of equal weights under sample_cov, through core evaluatePortfolio (the portfolio-evaluate API)')

# ---- Riskfolio-Lib: tests/test_portfolio.py, each (test, risk measure) column of the published CSVs
RFA=sorted(["JCI","TGT","CMCSA","CPB","MO","AMZN","APA","MMC","JPM","ZION"])
def rcol(name):
    rows=list(csv.reader(open(f'{RF_DIR}/{name}.csv'))); h=rows[0]
    return h[1:], {c:[float(r[h.index(c)]) for r in rows[1:]] for c in h[1:]}, [r[0] for r in rows[1:]]
def rf_case(csvname, col, applies, run=None, reason=None, note=None):
    c={'id':f'riskfolio/test_portfolio.py::{csvname}::{col}','source':f'{RF} tests/test_portfolio.py, tests/{csvname}.csv'}
    if applies:
        cols,vals,idx=rcol(csvname)
        assert idx==RFA
        c.update(applies=True,run={**run,'data':'riskfolio','tickers':RFA,'window':{'completeRows':True,'last':200},'weights':True},expected=vals[col],tolerance={'decimal':6},oracle='published')
        if note: c['note']=note
    else:
        c.update(applies=False,reason=reason)
    cases.append(c)
rm_reason={
 'MAD':'mean absolute deviation: risk measure not in Frontier','GMD':'Gini mean difference: risk measure not in Frontier','MSV':"semi standard deviation below the portfolio's own mean: Frontier's semivariance is below a fixed benchmark",
 'FLPM':'first lower partial moment: risk measure not in Frontier','SLPM':'second lower partial moment: risk measure not in Frontier','TG':'tail Gini: not in Frontier','EVaR':'entropic VaR: not in Frontier',
 'WR':'worst realisation: not in Frontier','RG':'range: not in Frontier','CVRG':'CVaR range: not in Frontier','TGRG':'tail Gini range: not in Frontier','MDD':'maximum drawdown: not in Frontier',
 'ADD':'average drawdown: not in Frontier','EDaR':'entropic drawdown at risk: not in Frontier','UCI':'ulcer index: not in Frontier'}
for name,obj in (('Classic_MinRisk','min'),('Classic_Sharpe','sharpe'),('Classic_RP','rp')):
    cols,_,_=rcol(name)
    for col in cols:
        if col=='MV':
            opt={'min':{'objective':'min-volatility'},'sharpe':{'objective':'max-sharpe','estimators':{'returns':'arithmetic'}},'rp':{'objective':'risk-parity'}}[obj]
            rf_case(name,col,True,run={'type':'optimize','options':opt},note='hist μ (arithmetic mean) and Σ on the last 200 complete daily returns of the 10 assets; rf 0')
        elif col in ('CVaR','CDaR') and obj=='min':
            rf_case(name,col,True,run={'type':'optimize','options':{'objective':'min-cvar' if col=='CVaR' else 'min-cdar','targets':{'beta':0.95}}},note='alpha 0.05 = β 0.95; last 200 complete daily returns')
        elif col in ('CVaR','CDaR') and obj=='sharpe':
            rf_case(name,col,False,reason=f'maximum return/{col} ratio: Frontier has max-Sharpe for volatility only')
        elif col in ('CVaR','CDaR') and obj=='rp':
            rf_case(name,col,False,reason=f'risk parity on {col} contributions: Frontier has volatility risk parity only')
        else:
            rf_case(name,col,False,reason=rm_reason.get(col,'risk measure not in Frontier'))
for col in rcol('Classic_WC')[0]:
    rf_case('Classic_WC',col,False,reason='worst-case (robust) mean-variance with box/elliptical uncertainty sets: not in Frontier')
for name in ('HC_HRP','HC_HERC','HC_NCO'):
    for col in rcol(name)[0]:
        rf_case(name,col,False,reason='the published CSV lists NBL (not AMZN) and an unsorted asset order: it was produced from another data file (stock_prices_3.csv), so it cannot be matched with the test as written'+('' if name=='HC_HRP' else '; HERC/NCO are also not in Frontier'))

# ---- every other published test function: no expected number to compare
import glob
have={c['id'] for c in cases}
for f in sorted(glob.glob(f'{PPO_DIR}/test_*.py')):
    src=open(f).read(); fn=f.split('/')[-1]
    for p in re.split(r'\n(?=def test_)',src)[1:]:
        name=re.match(r'def (test_\w+)',p).group(1)
        cid=f'pypfopt/{fn}::{name}'
        if cid in have: continue
        numeric=bool(re.search(r'\d\.\d{4,}',p))
        if fn in ('test_plotting.py',): reason='plotting (matplotlib figures): not an engine figure'
        elif fn=='test_imports.py': reason='Python import checks'
        elif fn=='test_custom_objectives.py': reason='user-written cvxpy/scipy objectives and constraints (lambdas): not expressible as Frontier options'
        elif fn=='test_discrete_allocation.py': reason="discrete allocation: Frontier's allocate command is covered by test/core/optimize-lp (its own LP); PyPortfolioOpt's figures here depend on its greedy rounding and cvxpy MIP output"
        elif numeric: reason='uses Python-only inputs or internals (custom DataFrames, numpy arrays, private helpers) with no Frontier equivalent'
        else: reason='no published expected number: checks the Python API (types, errors, warnings) or a relation between two of its own results'
        cases.append({'id':cid,'source':f'{PPO} tests/{fn}','applies':False,'reason':reason})
special={
 'test_bl_returns_no_prior':(False,'no published expected number: the numbers in the test are its views; it asserts orderings'),
 'test_bl_cov_default':(False,'no published expected number: the numbers in the test are its views; it checks the shape'),
 'test_cla_two_assets':(False,'no published expected number: checks that CLA accepts a 2-asset problem'),
 'test_min_volatility_vs_max_sharpe':(False,'no published expected number: asserts min-volatility is below max-Sharpe volatility on its own inputs'),
 'test_log_returns_from_prices':(False,'checks one raw log return of the input; no Frontier API returns raw returns'),
 'test_mean_historical_returns_dummy':(False,'the 5-row input has negative prices, which Frontier treats as missing (no return)'),
 'test_sample_cov_npd':(False,"PyPortfolioOpt's private fix_nonpositive_semidefinite on a 2×2 matrix; Frontier's repair runs only inside estimation"),
 'test_risk_matrix_additional_kwargs':(False,'only one figure (sample_cov/126 at frequency 2) and shape checks of the risk_matrix dispatcher'),
 'test_cla_max_sharpe_short':(True,'not transcribed: the published CLA figure carries golden-section error and no independent exact optimum was computed'),
 'test_ex_ante_tracking_error':(True,'no Frontier API evaluates the tracking error of given weights (portfolio-evaluate reports return, volatility, Sharpe)'),
}
for c in cases:
    t=c['id'].split('::')[-1]
    if c['id'].startswith('pypfopt/') and not c['applies'] and t in special:
        a,why=special[t]
        if a:
            c.pop('reason',None); c.update(applies=True,run={'type':'not-run','data':'pypfopt'},expected=[],tolerance={'decimal':0},oracle='published',note=why)
        else: c['reason']=why
EXACT_RP=[0.10445893227197914,0.044958738809710554,0.11878419537710762,0.1412908074156576,0.11550515688093628,0.08879340245539098,0.11993931608548554,0.111504505785391,0.07872061712226616,0.07604432779607502]
for c in cases:
    if c['id']=='riskfolio/test_portfolio.py::Classic_RP::MV':
        c['note']=('exact: the equal-risk-contribution portfolio is unique; the published weights come from a conic solver and are up to 3.3e-6 off it '
                   '(published '+', '.join(f'{v:.9f}' for v in c['expected'])+'). Exact weights from Newton on the same barrier problem: scripts/conformance/exact-risk-parity.py')
        c['expected']=EXACT_RP; c['oracle']='exact'
KNOWN_MISS={
 'pypfopt/test_efficient_cdar.py::test_efficient_return_L2_reg':'CDaR 0.101242 against 0.101115 (rtol 1e-4 + atol 1e-4): cause not found; Frontier\'s answer is certified on its own model',
 'pypfopt/test_cla.py::test_cla_max_sharpe_short':'not transcribed',
 'pypfopt/test_objective_functions.py::test_ex_ante_tracking_error':'no API evaluates the tracking error of given weights',
}
for c in cases:
    if c['id'] in KNOWN_MISS: c['knownMiss']=KNOWN_MISS[c['id']]
json.dump(cases,open(OUT,'w'),indent=1)
print(len(cases), sum(1 for c in cases if c['applies']))
